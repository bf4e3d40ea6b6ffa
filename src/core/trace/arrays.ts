/** Which state array a recorded change targets; packed into the top bits of the change word. */
export const ARR_ROLE = 0;
export const ARR_FLAGS = 1;
export const ARR_CONTENT = 2;
export const ARR_REGS = 3;
export const INDEX_BITS = 28;
export const INDEX_MASK = (1 << INDEX_BITS) - 1;
