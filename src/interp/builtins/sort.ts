// list.sort() and sorted(): CPython 3.11's timsort, step for step.
//
// Python code can observe the sort's comparisons: a key or __lt__ that prints, raises
// ("'<' not supported between instances of 'str' and 'int'" names the operands in the
// order they were compared) or mutates. So this is Objects/listobject.c's algorithm
// (Objects/listsort.txt) rather than V8's: count_run with descending-run reversal,
// binary insertion up to minrun, the powersort merge policy of 3.11 (found_new_run),
// galloping merges with the adaptive min_gallop, and the same failure paths, which leave
// the array a permutation of its input when a comparison raises.
//
// Keys and values are sorted in parallel (values is null without a key function). `lt`
// is Python's `<` as a boolean.

const MIN_GALLOP = 7;

interface Run {
  base: number;
  len: number;
  power: number;
}

class MergeState {
  minGallop = MIN_GALLOP;
  readonly pending: Run[] = [];
  constructor(readonly keys: any[], readonly vals: any[] | null, readonly lt: (a: any, b: any) => boolean) {}

  /** binarysort: [lo, start) is sorted; insert start..hi-1 one by one. */
  binarySort(lo: number, hi: number, start: number): void {
    const keys = this.keys;
    const vals = this.vals;
    const lt = this.lt;
    if (lo === start) start++;
    for (; start < hi; start++) {
      let l = lo;
      let r = start;
      const pivot = keys[r];
      do {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, keys[p])) r = p;
        else l = p + 1;
      } while (l < r);
      for (let p = start; p > l; p--) keys[p] = keys[p - 1];
      keys[l] = pivot;
      if (vals !== null) {
        const pv = vals[start];
        for (let p = start; p > l; p--) vals[p] = vals[p - 1];
        vals[l] = pv;
      }
    }
  }

  /** count_run (3.11): length of the run starting at lo; a strictly descending run is flagged. */
  countRun(lo: number, hi: number): [number, boolean] {
    const keys = this.keys;
    const lt = this.lt;
    lo++;
    if (lo === hi) return [1, false];
    let n = 2;
    if (lt(keys[lo], keys[lo - 1])) {
      for (lo = lo + 1; lo < hi; lo++, n++) {
        if (!lt(keys[lo], keys[lo - 1])) break;
      }
      return [n, true];
    }
    for (lo = lo + 1; lo < hi; lo++, n++) {
      if (lt(keys[lo], keys[lo - 1])) break;
    }
    return [n, false];
  }

  reverse(lo: number, hi: number): void {
    reverseRange(this.keys, lo, hi);
    if (this.vals !== null) reverseRange(this.vals, lo, hi);
  }

  /** gallop_left: index k in a[base..base+n) with a[k-1] < key <= a[k] (relative to base). */
  gallopLeft(key: any, a: any[], base: number, n: number, hint: number): number {
    const lt = this.lt;
    let lastofs = 0;
    let ofs = 1;
    const h = base + hint;
    if (lt(a[h], key)) {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (lt(a[h + ofs], key)) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(a[h - ofs], key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(a[base + m], key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  /** gallop_right: index k in a[base..base+n) with a[k-1] <= key < a[k] (relative to base). */
  gallopRight(key: any, a: any[], base: number, n: number, hint: number): number {
    const lt = this.lt;
    let lastofs = 0;
    let ofs = 1;
    const h = base + hint;
    if (lt(key, a[h])) {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(key, a[h - ofs])) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const maxofs = n - hint;
      while (ofs < maxofs) {
        if (lt(key, a[h + ofs])) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, a[base + m])) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  /** merge_lo: merge runs [pa, pa+na) and [pa+na, pa+na+nb) with na <= nb, a copied out. */
  mergeLo(pa0: number, na: number, pb: number, nb: number): void {
    const keys = this.keys;
    const vals = this.vals;
    const lt = this.lt;
    const tk = keys.slice(pa0, pa0 + na);
    const tv = vals === null ? null : vals.slice(pa0, pa0 + na);
    let pa = 0;
    let dest = pa0;
    const moveB = (): void => {
      keys[dest] = keys[pb];
      if (vals !== null) vals[dest] = vals[pb];
      dest++;
      pb++;
    };
    const moveA = (): void => {
      keys[dest] = tk[pa];
      if (vals !== null) vals[dest] = tv![pa];
      dest++;
      pa++;
    };
    let copyB = false;
    try {
      moveB();
      nb--;
      if (nb === 0) return;
      if (na === 1) {
        copyB = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(keys[pb], tk[pa])) {
            moveB();
            bcount++;
            acount = 0;
            nb--;
            if (nb === 0) return;
            if (bcount >= minGallop) break;
          } else {
            moveA();
            acount++;
            bcount = 0;
            na--;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (acount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = this.gallopRight(keys[pb], tk, pa, na, 0);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) moveA();
            na -= k;
            if (na === 1) {
              copyB = true;
              return;
            }
            if (na === 0) return;
          }
          moveB();
          nb--;
          if (nb === 0) return;
          k = this.gallopLeft(tk[pa], keys, pb, nb, 0);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) moveB();
            nb -= k;
            if (nb === 0) return;
          }
          moveA();
          na--;
          if (na === 1) {
            copyB = true;
            return;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyB) {
        // The last element of a belongs at the end of the merge.
        for (let i = 0; i < nb; i++) moveB();
        moveA();
      } else {
        for (let i = 0; i < na; i++) moveA();
      }
    }
  }

  /** merge_hi: merge runs [pa0, pa0+na) and [pb0, pb0+nb) with na > nb, b copied out. */
  mergeHi(pa0: number, na: number, pb0: number, nb: number): void {
    const keys = this.keys;
    const vals = this.vals;
    const lt = this.lt;
    const tk = keys.slice(pb0, pb0 + nb);
    const tv = vals === null ? null : vals.slice(pb0, pb0 + nb);
    const basea = pa0;
    let dest = pb0 + nb - 1;
    let pa = pa0 + na - 1;
    let pb = nb - 1;
    const moveA = (): void => {
      keys[dest] = keys[pa];
      if (vals !== null) vals[dest] = vals[pa];
      dest--;
      pa--;
    };
    const moveB = (): void => {
      keys[dest] = tk[pb];
      if (vals !== null) vals[dest] = tv![pb];
      dest--;
      pb--;
    };
    let copyA = false;
    try {
      moveA();
      na--;
      if (na === 0) return;
      if (nb === 1) {
        copyA = true;
        return;
      }
      let minGallop = this.minGallop;
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(tk[pb], keys[pa])) {
            moveA();
            acount++;
            bcount = 0;
            na--;
            if (na === 0) return;
            if (acount >= minGallop) break;
          } else {
            moveB();
            bcount++;
            acount = 0;
            nb--;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (bcount >= minGallop) break;
          }
        }
        minGallop++;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = this.gallopRight(tk[pb], keys, basea, na, na - 1);
          k = na - k;
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) moveA();
            na -= k;
            if (na === 0) return;
          }
          moveB();
          nb--;
          if (nb === 1) {
            copyA = true;
            return;
          }
          k = this.gallopLeft(keys[pa], tk, 0, nb, nb - 1);
          k = nb - k;
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) moveB();
            nb -= k;
            if (nb === 1) {
              copyA = true;
              return;
            }
            if (nb === 0) return;
          }
          moveA();
          na--;
          if (na === 0) return;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        minGallop++;
        this.minGallop = minGallop;
      }
    } finally {
      if (copyA) {
        // The first element of b belongs at the front of the merge.
        for (let i = 0; i < na; i++) moveA();
        moveB();
      } else {
        for (let i = 0; i < nb; i++) moveB();
      }
    }
  }

  /** merge_at: merge pending runs i and i+1. */
  mergeAt(i: number): void {
    const p = this.pending;
    let ssa = p[i].base;
    let na = p[i].len;
    const ssb = p[i + 1].base;
    let nb = p[i + 1].len;
    p[i].len = na + nb;
    p.splice(i + 1, 1);
    const keys = this.keys;
    const k = this.gallopRight(keys[ssb], keys, ssa, na, 0);
    ssa += k;
    na -= k;
    if (na === 0) return;
    nb = this.gallopLeft(keys[ssa + na - 1], keys, ssb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(ssa, na, ssb, nb);
    else this.mergeHi(ssa, na, ssb, nb);
  }

  /** found_new_run: the powersort merge policy (3.11). */
  foundNewRun(n2: number, listlen: number): void {
    const p = this.pending;
    if (p.length === 0) return;
    const top = p[p.length - 1];
    const power = powerloop(top.base, top.len, n2, listlen);
    while (p.length > 1 && p[p.length - 2].power > power) this.mergeAt(p.length - 2);
    p[p.length - 1].power = power;
  }

  forceCollapse(): void {
    const p = this.pending;
    while (p.length > 1) {
      let n = p.length - 2;
      if (n > 0 && p[n - 1].len < p[n + 1].len) n--;
      this.mergeAt(n);
    }
  }
}

function reverseRange(a: any[], lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
  }
}

/** The "power" of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2) in a list of n. */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n = Math.floor(n / 2);
  }
  return n + r;
}

/**
 * Sort `keys` in place (and `vals` alongside when given) with Python's stable timsort.
 * `reverse` gives the same result as CPython's reverse=True: reverse, sort, reverse.
 * If `lt` throws, the arrays are left a permutation of their input and the error is rethrown.
 */
export function timsort(keys: any[], vals: any[] | null, lt: (a: any, b: any) => boolean, reverse: boolean): void {
  const n = keys.length;
  if (reverse) {
    reverseRange(keys, 0, n);
    if (vals !== null) reverseRange(vals, 0, n);
  }
  try {
    if (n < 2) return;
    const ms = new MergeState(keys, vals, lt);
    const minrun = computeMinrun(n);
    let lo = 0;
    let nremaining = n;
    do {
      let [run, descending] = ms.countRun(lo, lo + nremaining);
      if (descending) ms.reverse(lo, lo + run);
      if (run < minrun) {
        const force = nremaining <= minrun ? nremaining : minrun;
        ms.binarySort(lo, lo + force, lo + run);
        run = force;
      }
      ms.foundNewRun(run, n);
      ms.pending.push({ base: lo, len: run, power: 0 });
      lo += run;
      nremaining -= run;
    } while (nremaining);
    ms.forceCollapse();
  } finally {
    if (reverse) {
      reverseRange(keys, 0, n);
      if (vals !== null) reverseRange(vals, 0, n);
    }
  }
}
