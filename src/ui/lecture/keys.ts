/** Every key of the page, as the help overlay lists it (the handler is useKeyboardShortcuts). */
export const KEY_HELP: readonly { keys: string[]; does: string }[] = [
  { keys: ['←', '→'], does: 'Step back / forward' },
  { keys: ['Shift+←', 'Shift+→'], does: 'Previous / next function call' },
  { keys: ['[', ']'], does: 'Previous / next phase (also PageUp / PageDown)' },
  { keys: ['Space'], does: 'Play / pause, wherever the focus is' },
  { keys: ['Home', 'End'], does: 'Go to the start / the end' },
  { keys: ['−', '+'], does: 'Slower / faster' },
  { keys: ['f'], does: 'Presentation mode on / off (Shift+F too)' },
  { keys: ['p'], does: 'Predict mode on / off' },
  { keys: ['1', '2', '3', '4'], does: 'Predict mode: give that answer to the open question' },
  { keys: ['t'], does: 'Light / dark theme' },
  { keys: ['?'], does: 'This help' },
  { keys: ['Esc'], does: 'Close this help, or the frame inspector' },
  { keys: ['Enter'], does: 'Press the focused button, open the focused frame' },
  { keys: ['Tab'], does: 'Next control; the first Tab offers “Skip to the controls”' },
];

/** Keys inside the page-frame grid once it has the focus. */
export const GRID_KEY_HELP: readonly { keys: string[]; does: string }[] = [
  { keys: ['↑', '↓', '←', '→'], does: 'Move between frames (small machines)' },
  { keys: ['Enter'], does: 'Inspect the frame' },
  { keys: ['+', '−', '0'], does: 'Zoom in / out / whole machine (big machines)' },
];
