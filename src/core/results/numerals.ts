/** Counting the numbers a text holds before reading it, so huge selections are refused early. */

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordCode(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * How many numerals `text` holds (`1`, `-2.5e-3`, `.5`; digits inside a word such as `x2` do not count),
 * stopping once the count passes `stopAbove`. One linear pass with no allocation.
 */
export function countNumerals(text: string, stopAbove = Infinity): number {
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    const startsNumber = isDigit(code) || (code === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)));
    if (!startsNumber) {
      // Skip a whole word so the digits of identifiers (`layer2`, `float64`) are not numbers.
      if (isWordCode(code)) while (i < n && isWordCode(text.charCodeAt(i))) i++;
      else i++;
      continue;
    }
    count++;
    if (count > stopAbove) return count;
    // The numeral with its fraction and exponent: digits, '.', 'e'/'E', a sign after the exponent.
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isDigit(c) || c === 46 || c === 95) i++;
      else if ((c === 101 || c === 69) && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        i += next === 43 || next === 45 ? 2 : 1;
      } else break;
    }
  }
  return count;
}
