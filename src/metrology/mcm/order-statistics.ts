// Coverage intervals read only the two tails of the sorted model values: for q = pM they use
// y_(1) … y_(M−q) and y_(q+1) … y_(M) (JCGM 101 7.7). So instead of sorting all M values we
// select the M − q smallest and largest (Hoare's selection, expected O(M)) and sort just those:
// for p = 0.95 that is a tenth of the data, about 4× faster than a full sort of 10⁶ values.

/** Hoare/Wirth selection: afterwards a[k] holds the value of rank k within [left, right], with
 *  nothing larger before it and nothing smaller after it. Median-of-three pivots. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * Reorders `values` so that its first `count` and last `count` entries are the smallest and the
 * largest `count` values in ascending order — exactly what a full sort would put there. The
 * middle is left unordered. Falls back to a full sort when the tails are most of the data.
 */
export function sortTails(values: Float64Array, count: number): Float64Array {
  const n = values.length;
  if (4 * count >= n) return values.sort();
  if (count <= 0) return values;
  select(values, count - 1, 0, n - 1);
  select(values, n - count, count, n - 1);
  values.subarray(0, count).sort();
  values.subarray(n - count).sort();
  return values;
}
