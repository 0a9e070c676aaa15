package io.greenscribe.text.zh;

import io.greenscribe.text.zh.MandarinInverseNormalizer.Conversion;

/** The rules listed on {@link MandarinInverseNormalizer}, tried in order at one position. */
final class MandarinRules {

    private MandarinRules() {}

    static Conversion at(String text, int i) {
        if (text.startsWith("百分之", i)) {
            Conversion percent = percent(text, i + 3);
            if (percent != null) {
                return percent;
            }
        }
        if (!ChineseNumerals.isNumeral(text.charAt(i))) {
            return null;
        }
        int end = ChineseNumerals.runEnd(text, i);
        String run = text.substring(i, end);
        Conversion keep = new Conversion(end, run);
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        if (MandarinWords.inIdiom(text, i) || before == '几' || before == '数' || after == '几') {
            return keep;
        }
        long value = ChineseNumerals.positional(run);
        if (after == '点') {
            Conversion point = point(text, i, end, value);
            return point == null ? keep : point;
        }
        String digits = ChineseNumerals.digitByDigit(run);
        if (after == '年' && digits != null && run.length() >= 2) {
            return new Conversion(end, digits);
        }
        if (value < 0) {
            return keep;
        }
        if (after == '月' && value >= 1 && value <= 12
                || (after == '日' || after == '号') && before == '月' && value >= 1 && value <= 31) {
            return new Conversion(end, Long.toString(value));
        }
        if (after == '块' || after == '元') {
            Conversion yuan = spokenYuan(text, end + 1, value);
            if (yuan != null) {
                return yuan;
            }
        }
        if (before == '第') {
            return value < 10 ? keep : new Conversion(end, Long.toString(value));
        }
        if (run.length() > 1) {
            return new Conversion(end, Long.toString(value));
        }
        boolean counted = run.equals("一")
                ? MandarinWords.startingAt(text, end, MandarinWords.CURRENCIES) != null
                : value > 0 && MandarinWords.startingAt(text, end, MandarinWords.MEASURES) != null;
        return counted ? new Conversion(end, Long.toString(value)) : keep;
    }

    /** After 百分之: a number, a decimal, or 百 itself. */
    private static Conversion percent(String text, int from) {
        int end = ChineseNumerals.runEnd(text, from);
        if (end == from) {
            return null;
        }
        String run = text.substring(from, end);
        if (run.equals("百")) {
            return new Conversion(end, "100%");
        }
        long value = ChineseNumerals.positional(run);
        if (value < 0) {
            return null;
        }
        Conversion decimal = end < text.length() && text.charAt(end) == '点' ? decimal(text, end, value) : null;
        return decimal != null
                ? new Conversion(decimal.end(), decimal.written() + "%")
                : new Conversion(end, value + "%");
    }

    /** A numeral run followed by 点: a clock time, a decimal, an hour, or nothing. */
    private static Conversion point(String text, int start, int point, long value) {
        if (value < 0) {
            return null;
        }
        int minuteEnd = ChineseNumerals.runEnd(text, point + 1);
        String minuteRun = text.substring(point + 1, minuteEnd);
        boolean hour = value <= 24;
        if (hour && !minuteRun.isEmpty() && minuteEnd < text.length() && text.charAt(minuteEnd) == '分') {
            long minute = minute(minuteRun);
            if (minute >= 0 && minute < 60) {
                return new Conversion(minuteEnd + 1, value + ":" + String.format("%02d", minute));
            }
        }
        Conversion decimal = decimal(text, point, value);
        if (decimal != null) {
            return decimal;
        }
        if (hour && minuteRun.contains("十") && minute(minuteRun) > 0 && minute(minuteRun) < 60) {
            return new Conversion(minuteEnd, value + ":" + String.format("%02d", minute(minuteRun)));
        }
        if (hour && text.startsWith("半", point + 1)) {
            return new Conversion(point + 2, value + ":30");
        }
        boolean clock =
                text.startsWith("钟", point + 1) || MandarinWords.endsAt(text, start, MandarinWords.TIMES_OF_DAY);
        return hour && clock ? new Conversion(point, Long.toString(value)) : null;
    }

    /** The integer part then 点 then digits read one by one: "三点一四" → 3.14. */
    private static Conversion decimal(String text, int point, long whole) {
        int end = point + 1;
        StringBuilder fraction = new StringBuilder();
        while (end < text.length() && ChineseNumerals.digit(text.charAt(end)) >= 0 && text.charAt(end) != '两') {
            fraction.append(ChineseNumerals.digit(text.charAt(end++)));
        }
        return fraction.isEmpty() ? null : new Conversion(end, whole + "." + fraction);
    }

    private static long minute(String run) {
        String digits = ChineseNumerals.digitByDigit(run);
        return digits != null && digits.length() == 2 ? Long.parseLong(digits) : ChineseNumerals.positional(run);
    }

    /** "两块五", "三块五毛二", "三元五角" as decimal yuan; {@code from} is just after 块 or 元. */
    private static Conversion spokenYuan(String text, int from, long yuan) {
        if (from >= text.length() || ChineseNumerals.digit(text.charAt(from)) <= 0) {
            return null;
        }
        int jiao = ChineseNumerals.digit(text.charAt(from));
        int end = from + 1;
        String fen = "";
        if (end < text.length() && (text.charAt(end) == '毛' || text.charAt(end) == '角')) {
            end++;
            if (end < text.length() && ChineseNumerals.digit(text.charAt(end)) > 0) {
                fen = Integer.toString(ChineseNumerals.digit(text.charAt(end++)));
                end += end < text.length() && text.charAt(end) == '分' ? 1 : 0;
            }
        }
        if (end < text.length() && ChineseNumerals.isNumeral(text.charAt(end))) {
            return null;
        }
        end += end < text.length() && text.charAt(end) == '钱' ? 1 : 0;
        return new Conversion(end, yuan + "." + jiao + fen + "元");
    }
}
