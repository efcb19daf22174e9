namespace Chat.SearchCorpus;

/// <summary>
/// The corpus's languages: each has its most common real words (the head of its Zipf curve, typed
/// here in rough frequency order) and makes up the long tail of rarer words from its own letters,
/// so every script the tokenizer treats differently is there at realistic frequencies.
/// </summary>
internal sealed record Language(string Code, bool Spaced, string[] Head, Func<Random, string> TailWord)
{
    public static readonly Language English = new("en", true, Words("""
        the to and a i you it of is that in for on my me this we have be with so just not but do are it's was
        can what if at like get know all your he they think now one good will no time about yes up out go
        there when see how going ok really then lol too she don't got well okay would back want right today
        tomorrow meeting call work need thanks thank love home day let's sure think could maybe night later
        still new tonight weekend morning lunch dinner coffee send file photo video link office team project
        budget report deadline plan review release launch client invoice price order ticket flight hotel train
        birthday party game match football music movie book school class exam doctor happy sorry great nice
        awesome amazing weather rain sunny cold hot week month year monday friday saturday sunday email phone
        address street city london paris berlin tokyo madrid cairo seoul beijing kitchen garden car bike
        quarterly forecast contract invoice schedule agenda minutes presentation slides feedback draft final
        """), LatinTail("bcdfghjklmnprstvwz", "aeiou"));

    public static readonly Language Spanish = new("es", true, Words("""
        de que no a la el es y en lo un por qué me una te los se con para mi está si bien pero yo eso las sí
        su tu aquí del al como le más esto ya todo esta vamos muy hay ahora algo estoy tengo nada cuando ha
        bueno gracias hola mañana hoy noche día semana año reunión trabajo casa oficina llamada mensaje
        correo foto vídeo archivo enlace equipo proyecto presupuesto informe fecha plan cliente factura
        precio pedido billete vuelo hotel tren cumpleaños fiesta partido fútbol música película libro
        escuela clase examen médico feliz perdón genial increíble tiempo lluvia sol frío calor mes lunes
        viernes sábado domingo teléfono dirección calle ciudad cocina jardín coche bicicleta café comida
        cena desayuno niño niña corazón canción española también después antes siempre nunca
        """), LatinTail("bcdfgjlmnprstvzñ", "aeioáéó"));

    public static readonly Language German = new("de", true, Words("""
        ich die und du der nicht das ist zu es sie ein wir was in mit den mir auf ja so dass ein hast mal
        aber eine bin sich auch wie noch dich hier war schon gut wenn jetzt nur kann nein danke bitte heute
        morgen abend woche jahr monat treffen besprechung arbeit büro haus anruf nachricht foto datei link
        team projekt budget bericht termin plan kunde rechnung preis bestellung ticket flug hotel zug
        geburtstag party spiel fußball musik film buch schule klasse prüfung arzt glücklich entschuldigung
        toll super wetter regen sonne kalt heiß montag freitag samstag sonntag telefon adresse straße stadt
        küche garten auto fahrrad kaffee essen frühstück mittagessen schön größe müde später immer
        vielleicht natürlich überhaupt möglich gemütlich übermorgen
        """), LatinTail("bdfghklmnprstwzß", "aeiouäöü"));

    public static readonly Language Arabic = new("ar", true, Words("""
        في من على أن ما لا هذا إلى هل أنا أنت مع كان عن نعم هو هي كل شكرا مرحبا اليوم غدا الليلة الصباح
        المساء الأسبوع الشهر السنة اجتماع العمل المكتب البيت اتصال رسالة صورة فيديو ملف رابط فريق مشروع
        ميزانية تقرير موعد خطة عميل فاتورة سعر طلب تذكرة رحلة فندق قطار عيد ميلاد حفلة مباراة كرة موسيقى
        فيلم كتاب مدرسة صف امتحان طبيب سعيد آسف رائع جميل الطقس مطر شمس بارد حار الجمعة السبت الأحد هاتف
        عنوان شارع مدينة القاهرة مطبخ حديقة سيارة قهوة طعام عشاء فطور الكتاب والكتاب بالكتاب المدرسة
        الطالب المعلم إن شاء الله الحمد لله السلام عليكم صباح الخير مساء النور حبيبي يا جدا كثير قليل
        """), Letters("ابتثجحخدذرزسشصضطظعغفقكلمنهوي", 3, 7));

    public static readonly Language Chinese = new("zh", false, Words("""
        我们 你好 今天 明天 会议 工作 时间 问题 公司 谢谢 没有 什么 可以 知道 现在 这个 那个 一下 一起 已经
        北京 上海 东京 中国 项目 预算 报告 计划 客户 发票 价格 订单 机票 酒店 火车 生日 派对 比赛 足球
        音乐 电影 图书 学校 考试 医生 开心 对不起 天气 下雨 周末 早上 晚上 中午 吃饭 咖啡 电话 地址 城市
        厨房 花园 汽车 文件 照片 视频 链接 团队 老板 同事 朋友 家人 孩子 妈妈 爸爸 老师 学生 朋友圈 会议室
        周一 周五 星期六 星期天 下午 晚饭 早饭 微信 邮件 手机 电脑 网络 发送 收到 确认 安排 讨论 准备
        """), Chars(HanPool, 2, 3));

    public static readonly Language Japanese = new("ja", false, Words("""
        です ます こんにちは ありがとう 今日 明日 会議 仕事 時間 問題 会社 大丈夫 よろしく お願い します
        東京 大阪 京都 日本 東京都 新宿 渋谷 プロジェクト 予算 報告 計画 顧客 請求書 価格 注文 チケット 飛行機
        ホテル 電車 誕生日 パーティー 試合 サッカー 音楽 映画 本 学校 試験 医者 嬉しい すみません 天気 雨
        週末 朝 夜 昼ご飯 コーヒー 電話 住所 都市 台所 庭 車 ファイル 写真 ビデオ リンク チーム 上司 同僚
        友達 家族 子供 先生 学生 会議室 月曜日 金曜日 土曜日 日曜日 午後 晩ご飯 メール 携帯 パソコン 送信
        確認 準備 ラーメン 寿司 カラオケ ゲーム ガイド デザイン ミーティング スケジュール
        """), Kana());

    public static readonly Language Korean = new("ko", true, Words("""
        안녕하세요 감사합니다 네 아니요 오늘 내일 회의 일 시간 문제 회사 괜찮아요 좋아요 사랑해 서울 부산
        한국 프로젝트 예산 보고서 계획 고객 송장 가격 주문 티켓 비행기 호텔 기차 생일 파티 경기 축구 음악
        영화 책 학교 시험 의사 행복해요 미안해요 날씨 비 주말 아침 저녁 점심 커피 전화 주소 도시 부엌 정원
        자동차 파일 사진 동영상 링크 팀 상사 동료 친구 가족 아이 선생님 학생 회의실 월요일 금요일 토요일
        일요일 오후 저녁밥 이메일 휴대폰 컴퓨터 보내기 확인 준비 김치 치킨 노래방 게임 대박 진짜 정말
        """), Hangul());

    // The most frequent Han characters (roughly): what made-up Chinese words are built from.
    private const string HanPool = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跑";

    public static readonly Language[] All = [English, Spanish, German, Arabic, Chinese, Japanese, Korean];

    /// <summary>How often a conversation is in each language (in order of <see cref="All"/>).</summary>
    public static readonly double[] Shares = [0.34, 0.14, 0.12, 0.10, 0.13, 0.10, 0.07];

    private static string[] Words(string text) =>
        [.. text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct()];

    private static Func<Random, string> LatinTail(string consonants, string vowels) => random =>
    {
        var syllables = random.Next(2, 5);
        var word = new char[syllables * 2 + (random.Next(3) == 0 ? 1 : 0)];
        for (var i = 0; i < syllables * 2; i += 2)
        {
            word[i] = consonants[random.Next(consonants.Length)];
            word[i + 1] = vowels[random.Next(vowels.Length)];
        }

        if (word.Length % 2 == 1)
        {
            word[^1] = consonants[random.Next(consonants.Length)];
        }

        return new string(word);
    };

    private static Func<Random, string> Letters(string alphabet, int min, int max) => random =>
    {
        var word = new char[random.Next(min, max + 1)];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = alphabet[random.Next(alphabet.Length)];
        }

        return (random.Next(4) == 0 ? "ال" : "") + new string(word);
    };

    private static Func<Random, string> Chars(string pool, int min, int max) => Letters(pool, min, max, "");

    private static Func<Random, string> Letters(string pool, int min, int max, string prefix) => random =>
    {
        var word = new char[random.Next(min, max + 1)];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = pool[random.Next(pool.Length)];
        }

        return prefix + new string(word);
    };

    private static Func<Random, string> Kana() => random =>
    {
        var word = new char[random.Next(2, 6)];
        var katakana = random.Next(2) == 0;
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = (char)((katakana ? 0x30A2 : 0x3042) + random.Next(0x50));
        }

        return new string(word);
    };

    private static Func<Random, string> Hangul() => random =>
    {
        var word = new char[random.Next(2, 4)];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = (char)(0xAC00 + random.Next(11_172));
        }

        return new string(word);
    };
}
