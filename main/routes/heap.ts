// A binary min-heap of (number key, int32 value) pairs in growable typed
// arrays: no object per entry, reused across searches. The route search
// (kshortest.ts) and the likely-tie review queue (main/likely/queue.ts) share
// it; it had been written twice.
export class MinHeap {
  private keys: Float64Array;
  private vals: Int32Array;
  size = 0;
  /** The key and value the last pop() removed. */
  popKey = 0;
  popVal = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.vals = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2);
      k.set(this.keys);
      const v = new Int32Array(this.vals.length * 2);
      v.set(this.vals);
      this.keys = k;
      this.vals = v;
    }
    const hk = this.keys;
    const hv = this.vals;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p]! <= key) break;
      hk[i] = hk[p]!;
      hv[i] = hv[p]!;
      i = p;
    }
    hk[i] = key;
    hv[i] = val;
  }

  /** Removes the minimum; read it from popKey / popVal. The heap must not be empty. */
  pop(): void {
    const hk = this.keys;
    const hv = this.vals;
    this.popKey = hk[0]!;
    this.popVal = hv[0]!;
    const size = --this.size;
    if (size === 0) return;
    const key = hk[size]!;
    const val = hv[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hk[c + 1]! < hk[c]!) c++;
      if (hk[c]! >= key) break;
      hk[i] = hk[c]!;
      hv[i] = hv[c]!;
      i = c;
    }
    hk[i] = key;
    hv[i] = val;
  }
}
