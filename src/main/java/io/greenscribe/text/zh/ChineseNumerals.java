package io.greenscribe.text.zh;

/**
 * Reads Chinese numerals: positional ("一千二百万", "两万三千", "一百零五", and the spoken
 * shortenings "一百五" = 150 and "三万五" = 35000) and digit by digit ("二零二四").
 */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    static boolean isNumeral(char c) {
        return digit(c) >= 0 || "十百千万亿".indexOf(c) >= 0;
    }

    /** 0 to 9 for a digit character (两 is 2, 〇 is 0), else -1. */
    static int digit(char c) {
        return c == '两' ? 2 : c == '〇' ? 0 : DIGITS.indexOf(c);
    }

    /** The end of the run of numeral characters starting at {@code from}. */
    static int runEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isNumeral(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The digits read one by one ("二零二四" → "2024"), or null if any character is not a digit. */
    static String digitByDigit(String run) {
        StringBuilder digits = new StringBuilder(run.length());
        for (char c : run.toCharArray()) {
            if (digit(c) < 0 || c == '两') {
                return null;
            }
            digits.append(digit(c));
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    /** The value of a positional numeral, or -1 when the run is not one ("三四", "万一", "千万"). */
    static long positional(String run) {
        if (run.equals("零") || run.equals("〇")) {
            return 0;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        long lastUnit = 0;
        long lastBig = 0;
        boolean zero = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            int d = digit(c);
            if (d == 0) {
                if (i == 0 || digit >= 0) {
                    return -1;
                }
                zero = true;
            } else if (d > 0) {
                if (digit >= 0) {
                    return -1;
                }
                digit = d;
            } else if (c == '十' || c == '百' || c == '千') {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                if (digit < 0 && !(c == '十' && (i == 0 || zero))) {
                    return -1;
                }
                if (lastUnit != 0 && unit >= lastUnit) {
                    return -1;
                }
                section += (digit < 0 ? 1 : digit) * unit;
                lastUnit = unit;
                digit = -1;
                zero = false;
            } else {
                long big = c == '万' ? 10_000 : 100_000_000;
                section += Math.max(digit, 0);
                if (section == 0 || big == 10_000 && lastBig == 10_000) {
                    return -1;
                }
                total = big == 100_000_000 ? (total + section) * big : total + section * big;
                section = 0;
                digit = -1;
                lastUnit = 0;
                lastBig = big;
                zero = false;
            }
        }
        if (digit >= 0) {
            // A trailing digit right after a unit, with no 零 between, is that unit's tenth: 一百五 is 150.
            long place = zero ? 1 : lastUnit > 10 ? lastUnit / 10 : lastUnit == 0 && lastBig > 0 ? lastBig / 10 : 1;
            section += digit * place;
        } else if (zero) {
            return -1;
        }
        return total + section;
    }
}
