type IntArray = Int32Array | Uint16Array | Uint8Array;
type IntArrayCtor<T extends IntArray> = {
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T;
  new (length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** Most elements one log may hold: 2^28, the index range a change word can address. */
const MAX_ELEMENTS = 2 ** 28;
/**
 * Largest growth step in elements. A log grows by its own size up to this, then by this much at a
 * time, so a long log commits memory as it goes rather than doubling.
 */
const CHUNK_ELEMENTS = 1 << 18;

/**
 * Reserves address space for up to `max` bytes without committing it. Returns null where resizable
 * buffers are missing or the reservation is refused; the log then falls back to copying.
 */
function reserve(bytes: number, max: number): ArrayBuffer | null {
  try {
    const buf = new ArrayBuffer(bytes, { maxByteLength: max });
    return buf.resizable ? buf : null;
  } catch {
    return null;
  }
}

/**
 * An append-only typed array for the step log and the kernel's tables, written by index. Past
 * `resizableFrom` elements it moves (once) into a resizable ArrayBuffer behind a length-tracking view:
 * growing then commits the next chunk in place and sealing gives back the unused tail, so a long
 * log is never copied as it grows or when it ends. (Engines without resizable buffers keep
 * copying, in chunks.)
 */
export class Growable<T extends IntArray> {
  /**
   * Up to this many elements a log lives in a plain array (reserving address space costs more
   * than copying a short log). Tests move it to run either path.
   */
  static resizableFrom = 1 << 16;
  data: T;
  length = 0;
  /** Elements `data` has room for. */
  capacity: number;
  private buffer: ArrayBuffer | null = null;

  constructor(
    private readonly ctor: IntArrayCtor<T>,
    capacity = 1024,
  ) {
    this.capacity = capacity;
    this.data = new ctor(capacity);
  }

  /** Makes room for `n` elements in all. */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    if (n > MAX_ELEMENTS)
      throw new Error(`the run is too long to record (over ${MAX_ELEMENTS} entries)`);
    const step = Math.min(CHUNK_ELEMENTS, Math.max(1024, this.capacity));
    const next = Math.min(MAX_ELEMENTS, Math.max(n, this.capacity + step));
    const bpe = this.ctor.BYTES_PER_ELEMENT;
    if (this.buffer) {
      this.buffer.resize(next * bpe);
      // After seal() the view has a fixed length: a log that grows again (a trace assembled from
      // chunks) needs a length-tracking view over the grown buffer.
      if (this.data.length < next) this.data = new this.ctor(this.buffer);
    } else {
      const big = next > Growable.resizableFrom ? reserve(next * bpe, MAX_ELEMENTS * bpe) : null;
      const grown = big ? new this.ctor(big) : new this.ctor(next);
      grown.set(this.data);
      this.buffer = big;
      this.data = grown;
    }
    this.capacity = next;
  }

  push(v: number): void {
    if (this.length === this.capacity) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  /** Trims the buffer to its length, so memory figures count what is used. */
  seal(): T {
    if (this.buffer) {
      this.buffer.resize(this.length * this.ctor.BYTES_PER_ELEMENT);
      // A fixed-length view of the same memory: V8 reads it about twice as fast in the replay
      // loops as a length-tracking one, which must re-check the length on every access.
      this.data = new this.ctor(this.buffer, 0, this.length);
    } else if (this.data.length !== this.length) {
      // a small log: one short copy
      this.data = this.data.slice(0, this.length) as T;
    }
    this.capacity = this.length;
    return this.data;
  }
}

export const growI32 = (capacity?: number) => new Growable(Int32Array, capacity);
export const growU16 = (capacity?: number) => new Growable(Uint16Array, capacity);
export const growU8 = (capacity?: number) => new Growable(Uint8Array, capacity);
export type GrowableI32 = Growable<Int32Array>;
