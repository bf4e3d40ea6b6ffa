/** Small stroke icons for the transport buttons (text glyphs render differently per platform). */
const paths = {
  start: 'M5 4v16M19 5l-10 7 10 7z',
  end: 'M19 4v16M5 5l10 7-10 7z',
  back: 'M17 5l-10 7 10 7z',
  forward: 'M7 5l10 7-10 7z',
  play: 'M7 4l13 8-13 8z',
  pause: 'M7 4h3v16H7zM14 4h3v16h-3z',
  prevPhase: 'M12 5l-8 7 8 7zM21 5l-8 7 8 7z',
  nextPhase: 'M3 5l8 7-8 7zM12 5l8 7-8 7z',
  prevCall: 'M6 5v14M19 5l-10 7 10 7z',
  nextCall: 'M18 5v14M5 5l10 7-10 7z',
  zoomIn: 'M11 4a7 7 0 1 0 0 14 7 7 0 1 0 0-14zM16 16l5 5M8 11h6M11 8v6',
  zoomOut: 'M11 4a7 7 0 1 0 0 14 7 7 0 1 0 0-14zM16 16l5 5M8 11h6',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export type IconName = keyof typeof paths;

const filled: ReadonlySet<IconName> = new Set<IconName>([
  'start',
  'end',
  'back',
  'forward',
  'play',
  'pause',
  'prevPhase',
  'nextPhase',
  'prevCall',
  'nextCall',
]);

export function Icon({ name }: { name: IconName }) {
  const fill = filled.has(name);
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={paths[name]}
        fill={fill ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={fill ? 1 : 2}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
