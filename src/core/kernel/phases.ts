/** The six phases of a run, the timeline's bands. */
export const Phase = {
  Suspend: 0,
  Image: 1,
  PowerOff: 2,
  Resume: 3,
  Restore: 4,
  Restored: 5,
} as const;
export const PHASE_NAMES = [
  'suspend',
  'image',
  'power-off',
  'resume',
  'restore',
  'restored',
] as const;
