/** Bars the height of each of the waveform's levels (0–255; flat bars while there are none); those already played are coloured. */
export function Waveform({ levels, progress }: { levels: readonly number[]; progress: number }) {
  const bars = levels.length ? levels : Array.from({ length: 64 }, () => 32);
  const played = Math.round(progress * bars.length);
  return (
    <span className="waveform" aria-hidden="true" data-testid="waveform" data-levels={levels.length}>
      {bars.map((level, index) => (
        <span
          key={index}
          className={`waveform-bar${index < played ? ' is-played' : ''}`}
          style={{ height: `${Math.max(8, Math.round((level / 255) * 100))}%` }}
        />
      ))}
    </span>
  );
}
