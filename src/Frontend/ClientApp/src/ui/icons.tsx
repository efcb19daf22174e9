// Every control's icon, from lucide (inline SVG: no icon font, nothing fetched, no emoji glyphs that a
// machine without an emoji font shows as empty boxes). Decorative: the button carries the label, and
// lucide marks an icon without a label aria-hidden.
import {
  ArrowDown,
  ArrowUp,
  ChevronDown,
  ChevronUp,
  ArrowLeft,
  ArrowRight,
  CalendarClock,
  Check,
  CheckCheck,
  Clock,
  Download,
  Ellipsis,
  File,
  FileArchive,
  FileAudio,
  FileImage,
  FileText,
  FileVideo,
  LogOut,
  Maximize2,
  Mic,
  MicOff,
  Minimize2,
  MonitorOff,
  MonitorUp,
  Moon,
  Paperclip,
  Pause,
  Pencil,
  Phone,
  PhoneOff,
  Play,
  Reply,
  RotateCcw,
  Search,
  SlidersHorizontal,
  SendHorizontal,
  Settings,
  Square,
  Sun,
  Users,
  Video,
  VideoOff,
  X,
  type LucideIcon,
} from 'lucide-react';

function sized(Icon: LucideIcon, size: number) {
  const Sized = () => <Icon size={size} focusable="false" />;
  Sized.displayName = `${Icon.displayName ?? 'Icon'}${size}`;
  return Sized;
}

export const SendIcon = sized(SendHorizontal, 20);
export const BackIcon = sized(ArrowLeft, 20);
export const MembersIcon = sized(Users, 20);
export const MoonIcon = sized(Moon, 20);
export const SunIcon = sized(Sun, 20);
export const LogoutIcon = sized(LogOut, 20);
export const CloseIcon = sized(X, 20);
export const ClockIcon = sized(Clock, 14);
export const CheckIcon = sized(Check, 16);
export const DoubleCheckIcon = sized(CheckCheck, 16);
export const SettingsIcon = sized(Settings, 20);
export const ReplyIcon = sized(Reply, 16);
export const EditIcon = sized(Pencil, 16);
export const MoreIcon = sized(Ellipsis, 18);
export const ScheduleIcon = sized(CalendarClock, 20);
export const JumpDownIcon = sized(ArrowDown, 18);
export const PhoneIcon = sized(Phone, 20);
export const VideoIcon = sized(Video, 20);
export const VideoOffIcon = sized(VideoOff, 20);
export const MicIcon = sized(Mic, 20);
export const MicOffIcon = sized(MicOff, 20);
export const HangUpIcon = sized(PhoneOff, 20);
export const ScreenShareIcon = sized(MonitorUp, 20);
export const ScreenShareOffIcon = sized(MonitorOff, 20);
export const MinimizeIcon = sized(Minimize2, 20);
export const RestoreIcon = sized(Maximize2, 20);
export const ForwardIcon = sized(ArrowRight, 20);
export const DownloadIcon = sized(Download, 18);
export const AttachIcon = sized(Paperclip, 20);
export const PlayIcon = sized(Play, 18);
export const PauseIcon = sized(Pause, 18);
export const RetryIcon = sized(RotateCcw, 16);
export const StopIcon = sized(Square, 16);
export const FileIcon = sized(File, 22);
export const FileArchiveIcon = sized(FileArchive, 22);
export const FileAudioIcon = sized(FileAudio, 22);
export const FileImageIcon = sized(FileImage, 22);
export const FileTextIcon = sized(FileText, 22);
export const FileVideoIcon = sized(FileVideo, 22);
export const SearchIcon = sized(Search, 18);
export const FiltersIcon = sized(SlidersHorizontal, 18);
export const PreviousHitIcon = sized(ChevronUp, 18);
export const NextHitIcon = sized(ChevronDown, 18);
export const JumpUpIcon = sized(ArrowUp, 18);
