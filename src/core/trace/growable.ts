type IntArray = Int32Array | Uint16Array | Uint8Array;
type Make<T extends IntArray> = (length: number) => T;

/** An append-only typed array that doubles when full: step and change logs without an object each. */
export class Growable<T extends IntArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: Make<T>,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** Trims the buffer to its length, so memory figures count what is used. */
  seal(): T {
    this.data = this.data.slice(0, this.length) as T;
    return this.data;
  }
}

export const growI32 = (capacity?: number) => new Growable((n) => new Int32Array(n), capacity);
export const growU16 = (capacity?: number) => new Growable((n) => new Uint16Array(n), capacity);
export const growU8 = (capacity?: number) => new Growable((n) => new Uint8Array(n), capacity);
export type GrowableI32 = Growable<Int32Array>;
