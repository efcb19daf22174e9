// Common emoji by their usual shortcodes (as GitHub and Slack spell them), for the composer's ":" suggestions.
// A small built-in table: a few hundred entries cover what people type; nothing is downloaded.
const TABLE = `
smile 😄|smiley 😃|grin 😁|grinning 😀|laughing 😆|sweat_smile 😅|joy 😂|rofl 🤣|slightly_smiling_face 🙂|upside_down_face 🙃
wink 😉|blush 😊|innocent 😇|heart_eyes 😍|star_struck 🤩|kissing_heart 😘|kissing 😗|relaxed ☺️|yum 😋|stuck_out_tongue 😛
stuck_out_tongue_winking_eye 😜|zany_face 🤪|money_mouth_face 🤑|hugs 🤗|hand_over_mouth 🤭|shushing_face 🤫|thinking 🤔|zipper_mouth_face 🤐
raised_eyebrow 🤨|neutral_face 😐|expressionless 😑|no_mouth 😶|smirk 😏|unamused 😒|roll_eyes 🙄|grimacing 😬|lying_face 🤥|relieved 😌
pensive 😔|sleepy 😪|drooling_face 🤤|sleeping 😴|mask 😷|face_with_thermometer 🤒|nauseated_face 🤢|vomiting_face 🤮|sneezing_face 🤧
hot_face 🥵|cold_face 🥶|woozy_face 🥴|dizzy_face 😵|exploding_head 🤯|cowboy_hat_face 🤠|partying_face 🥳|sunglasses 😎|nerd_face 🤓
monocle_face 🧐|confused 😕|worried 😟|slightly_frowning_face 🙁|frowning_face ☹️|open_mouth 😮|hushed 😯|astonished 😲|flushed 😳
pleading_face 🥺|frowning 😦|anguished 😧|fearful 😨|cold_sweat 😰|disappointed_relieved 😥|cry 😢|sob 😭|scream 😱|confounded 😖
persevere 😣|disappointed 😞|sweat 😓|weary 😩|tired_face 😫|yawning_face 🥱|triumph 😤|rage 😡|angry 😠|cursing_face 🤬
smiling_imp 😈|imp 👿|skull 💀|poop 💩|clown_face 🤡|ghost 👻|alien 👽|robot 🤖|see_no_evil 🙈|hear_no_evil 🙉|speak_no_evil 🙊
smiley_cat 😺|heart_eyes_cat 😻|joy_cat 😹|crying_cat_face 😿|kiss 💋|love_letter 💌|heart ❤️|orange_heart 🧡|yellow_heart 💛
green_heart 💚|blue_heart 💙|purple_heart 💜|black_heart 🖤|white_heart 🤍|brown_heart 🤎|broken_heart 💔|heart_on_fire ❤️‍🔥
two_hearts 💕|sparkling_heart 💖|heartpulse 💗|heartbeat 💓|revolving_hearts 💞|cupid 💘|gift_heart 💝|heart_exclamation ❣️
100 💯|anger 💢|boom 💥|dizzy 💫|sweat_drops 💦|dash 💨|hole 🕳️|speech_balloon 💬|thought_balloon 💭|zzz 💤
wave 👋|raised_back_of_hand 🤚|raised_hand ✋|hand ✋|vulcan_salute 🖖|ok_hand 👌|pinched_fingers 🤌|pinching_hand 🤏|v ✌️
crossed_fingers 🤞|love_you_gesture 🤟|metal 🤘|call_me_hand 🤙|point_left 👈|point_right 👉|point_up_2 👆|point_down 👇
point_up ☝️|thumbsup 👍|+1 👍|thumbsdown 👎|-1 👎|fist ✊|facepunch 👊|punch 👊|fist_left 🤛|fist_right 🤜|clap 👏
raised_hands 🙌|open_hands 👐|palms_up_together 🤲|handshake 🤝|pray 🙏|writing_hand ✍️|nail_care 💅|selfie 🤳|muscle 💪
brain 🧠|eyes 👀|eye 👁️|tongue 👅|lips 👄|baby 👶|child 🧒|boy 👦|girl 👧|adult 🧑|man 👨|woman 👩|older_adult 🧓
person_shrugging 🤷|shrug 🤷|person_facepalming 🤦|facepalm 🤦|raising_hand 🙋|bow 🙇|ok_woman 🙆|no_good 🙅|tipping_hand_person 💁
runner 🏃|running 🏃|dancer 💃|man_dancing 🕺|walking 🚶|family 👪|couple 👫|busts_in_silhouette 👥|footprints 👣
dog 🐶|cat 🐱|mouse 🐭|hamster 🐹|rabbit 🐰|fox_face 🦊|bear 🐻|panda_face 🐼|koala 🐨|tiger 🐯|lion 🦁|cow 🐮|pig 🐷
frog 🐸|monkey_face 🐵|monkey 🐒|chicken 🐔|penguin 🐧|bird 🐦|baby_chick 🐤|eagle 🦅|duck 🦆|owl 🦉|bat 🦇|wolf 🐺
horse 🐴|unicorn 🦄|bee 🐝|bug 🐛|butterfly 🦋|snail 🐌|beetle 🪲|ladybug 🐞|ant 🐜|spider 🕷️|turtle 🐢|snake 🐍|lizard 🦎
octopus 🐙|squid 🦑|shrimp 🦐|crab 🦀|fish 🐟|tropical_fish 🐠|dolphin 🐬|whale 🐳|shark 🦈|crocodile 🐊|elephant 🐘
giraffe 🦒|camel 🐫|sloth 🦥|hedgehog 🦔|dragon 🐉|t-rex 🦖|sauropod 🦕|paw_prints 🐾|bouquet 💐|cherry_blossom 🌸
rose 🌹|hibiscus 🌺|sunflower 🌻|blossom 🌼|tulip 🌷|seedling 🌱|potted_plant 🪴|evergreen_tree 🌲|deciduous_tree 🌳
palm_tree 🌴|cactus 🌵|herb 🌿|shamrock ☘️|four_leaf_clover 🍀|maple_leaf 🍁|fallen_leaf 🍂|leaves 🍃|mushroom 🍄
earth_africa 🌍|earth_americas 🌎|earth_asia 🌏|globe_with_meridians 🌐|new_moon 🌑|full_moon 🌕|crescent_moon 🌙
sunny ☀️|sun_with_face 🌞|star ⭐|star2 🌟|sparkles ✨|zap ⚡|fire 🔥|comet ☄️|rainbow 🌈|cloud ☁️|partly_sunny ⛅
cloud_with_rain 🌧️|thunder_cloud_and_rain ⛈️|snowflake ❄️|snowman ⛄|wind_face 🌬️|tornado 🌪️|fog 🌫️|umbrella ☔|droplet 💧
ocean 🌊|apple 🍎|green_apple 🍏|pear 🍐|tangerine 🍊|lemon 🍋|banana 🍌|watermelon 🍉|grapes 🍇|strawberry 🍓|blueberries 🫐
melon 🍈|cherries 🍒|peach 🍑|mango 🥭|pineapple 🍍|coconut 🥥|kiwi_fruit 🥝|tomato 🍅|eggplant 🍆|avocado 🥑|broccoli 🥦
carrot 🥕|corn 🌽|hot_pepper 🌶️|cucumber 🥒|potato 🥔|croissant 🥐|bread 🍞|baguette_bread 🥖|pretzel 🥨|cheese 🧀
egg 🥚|fried_egg 🍳|pancakes 🥞|waffle 🧇|bacon 🥓|hamburger 🍔|fries 🍟|pizza 🍕|hotdog 🌭|sandwich 🥪|taco 🌮
burrito 🌯|salad 🥗|popcorn 🍿|salt 🧂|bento 🍱|rice 🍚|curry 🍛|ramen 🍜|spaghetti 🍝|sushi 🍣|dumpling 🥟
icecream 🍦|ice_cream 🍨|doughnut 🍩|cookie 🍪|birthday 🎂|cake 🍰|cupcake 🧁|pie 🥧|chocolate_bar 🍫|candy 🍬|lollipop 🍭
coffee ☕|tea 🍵|beer 🍺|beers 🍻|clinking_glasses 🥂|wine_glass 🍷|cocktail 🍸|tropical_drink 🍹|champagne 🍾|milk_glass 🥛
cup_with_straw 🥤|bubble_tea 🧋|ice_cube 🧊|fork_and_knife 🍴|soccer ⚽|basketball 🏀|football 🏈|baseball ⚾|tennis 🎾
volleyball 🏐|rugby_football 🏉|8ball 🎱|ping_pong 🏓|badminton 🏸|golf ⛳|ski 🎿|trophy 🏆|medal_sports 🏅|1st_place_medal 🥇
2nd_place_medal 🥈|3rd_place_medal 🥉|dart 🎯|video_game 🎮|game_die 🎲|jigsaw 🧩|chess_pawn ♟️|art 🎨|performing_arts 🎭
microphone 🎤|headphones 🎧|musical_note 🎵|notes 🎶|guitar 🎸|piano 🎹|trumpet 🎺|violin 🎻|drum 🥁|clapper 🎬
car 🚗|taxi 🚕|bus 🚌|ambulance 🚑|fire_engine 🚒|police_car 🚓|truck 🚚|tractor 🚜|bike 🚲|motorcycle 🏍️|scooter 🛴
train 🚆|metro 🚇|tram 🚊|airplane ✈️|rocket 🚀|helicopter 🚁|ship 🚢|boat ⛵|anchor ⚓|fuelpump ⛽|construction 🚧
vertical_traffic_light 🚦|world_map 🗺️|mountain ⛰️|volcano 🌋|camping 🏕️|beach_umbrella 🏖️|desert_island 🏝️|house 🏠
office 🏢|hospital 🏥|school 🏫|stadium 🏟️|tent ⛺|night_with_stars 🌃|city_sunset 🌆|sunrise 🌅|bridge_at_night 🌉
watch ⌚|iphone 📱|computer 💻|keyboard ⌨️|desktop_computer 🖥️|printer 🖨️|mouse_three_button 🖱️|cd 💿|dvd 📀|floppy_disk 💾
camera 📷|camera_flash 📸|video_camera 📹|movie_camera 🎥|tv 📺|radio 📻|telephone_receiver 📞|phone ☎️|battery 🔋
electric_plug 🔌|bulb 💡|flashlight 🔦|candle 🕯️|moneybag 💰|dollar 💵|euro 💶|pound 💷|credit_card 💳|gem 💎|wrench 🔧
hammer 🔨|hammer_and_wrench 🛠️|gear ⚙️|toolbox 🧰|magnet 🧲|link 🔗|chains ⛓️|scissors ✂️|lock 🔒|unlock 🔓|key 🔑
old_key 🗝️|bell 🔔|no_bell 🔕|mag 🔍|mag_right 🔎|envelope ✉️|email 📧|inbox_tray 📥|outbox_tray 📤|package 📦|mailbox 📫
pencil2 ✏️|pen 🖊️|memo 📝|pencil 📝|briefcase 💼|file_folder 📁|open_file_folder 📂|calendar 📆|date 📅|clipboard 📋
pushpin 📌|round_pushpin 📍|paperclip 📎|straight_ruler 📏|chart_with_upwards_trend 📈|chart_with_downwards_trend 📉
bar_chart 📊|books 📚|book 📖|notebook 📓|bookmark 🔖|newspaper 📰|label 🏷️|hourglass ⌛|hourglass_flowing_sand ⏳
alarm_clock ⏰|stopwatch ⏱️|timer_clock ⏲️|clock3 🕒|gift 🎁|balloon 🎈|tada 🎉|confetti_ball 🎊|christmas_tree 🎄
jack_o_lantern 🎃|fireworks 🎆|sparkler 🎇|ribbon 🎀|crown 👑|tophat 🎩|eyeglasses 👓|dark_sunglasses 🕶️|shirt 👕
jeans 👖|dress 👗|running_shoe 👟|high_heel 👠|handbag 👜|school_satchel 🎒|ring 💍|lipstick 💄|pill 💊|syringe 💉
dna 🧬|microscope 🔬|telescope 🔭|satellite 📡|shield 🛡️|bomb 💣|knife 🔪|hocho 🔪|warning ⚠️|no_entry ⛔|no_entry_sign 🚫
x ❌|heavy_check_mark ✔️|white_check_mark ✅|ballot_box_with_check ☑️|heavy_multiplication_x ✖️|heavy_plus_sign ➕
heavy_minus_sign ➖|question ❓|grey_question ❔|exclamation ❗|grey_exclamation ❕|bangbang ‼️|interrobang ⁉️|o ⭕
recycle ♻️|infinity ♾️|copyright ©️|registered ®️|tm ™️|arrow_right ➡️|arrow_left ⬅️|arrow_up ⬆️|arrow_down ⬇️
arrows_counterclockwise 🔄|back 🔙|end 🔚|on 🔛|soon 🔜|top 🔝|new 🆕|free 🆓|up 🆙|cool 🆒|ok 🆗|sos 🆘
red_circle 🔴|orange_circle 🟠|yellow_circle 🟡|green_circle 🟢|blue_circle 🔵|purple_circle 🟣|black_circle ⚫|white_circle ⚪
checkered_flag 🏁|triangular_flag_on_post 🚩|rainbow_flag 🏳️‍🌈|white_flag 🏳️|black_flag 🏴|pirate_flag 🏴‍☠️
`;

export interface EmojiShortcode {
  code: string;
  emoji: string;
}

/** Every entry, in the table's order (roughly by how often people use them). */
export const EMOJI_SHORTCODES: readonly EmojiShortcode[] = TABLE.split(/[|\n]/)
  .map((entry) => entry.trim())
  .filter(Boolean)
  .map((entry) => {
    const space = entry.indexOf(' ');
    return { code: entry.slice(0, space), emoji: entry.slice(space + 1) };
  });

/** Shortcodes that start with the query first, then those with a word that does; at most `limit`. */
export function findEmoji(query: string, limit = 8): EmojiShortcode[] {
  const q = query.toLowerCase();
  const starts: EmojiShortcode[] = [];
  const words: EmojiShortcode[] = [];
  const seen = new Set<string>();
  for (const entry of EMOJI_SHORTCODES) {
    if (entry.code.startsWith(q)) starts.push(entry);
    else if (entry.code.split(/[_-]/).some((word) => word.startsWith(q))) words.push(entry);
  }
  const out: EmojiShortcode[] = [];
  for (const entry of [...starts, ...words]) {
    // One suggestion per emoji (thumbsup and +1 are the same).
    if (seen.has(entry.emoji)) continue;
    seen.add(entry.emoji);
    out.push(entry);
    if (out.length === limit) break;
  }
  return out;
}
