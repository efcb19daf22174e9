import { FileArchiveIcon, FileAudioIcon, FileIcon, FileImageIcon, FileTextIcon, FileVideoIcon } from '../ui/icons';

/** An icon for the kind of file, decorative (the card says the type in words). */
export function FileTypeIcon({ contentType }: { contentType: string }) {
  const Icon = contentType.startsWith('image/')
    ? FileImageIcon
    : contentType.startsWith('video/')
      ? FileVideoIcon
      : contentType.startsWith('audio/')
        ? FileAudioIcon
        : /zip|tar|gzip|7z|rar|compressed/.test(contentType)
          ? FileArchiveIcon
          : /pdf|text|document|word|sheet|presentation|rtf|json|xml/.test(contentType)
            ? FileTextIcon
            : FileIcon;
  return (
    <span className="file-type-icon" aria-hidden="true">
      <Icon />
    </span>
  );
}
