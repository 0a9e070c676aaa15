package io.greenscribe.text.zh;

import io.greenscribe.text.TextNormalizer;

/**
 * Mandarin inverse text normalization in the manner of WeTextProcessing: Chinese numerals become
 * Arabic digits where written Chinese uses digits (GB/T 15835), and stay characters where the
 * numeral is part of a word. The text is scanned for runs of numeral characters and each run is
 * judged by what surrounds it:
 * <ul>
 *   <li>percentages "百分之五十" → 50%, "百分之三点五" → 3.5%, "百分之百" → 100%;
 *   <li>clock times "三点十五分" → 3:15, "三点半" → 3:30, and "下午三点", "三点钟" keep 点 with a digit;
 *   <li>decimals "三点一四" → 3.14, so "九点零五" without 分 reads as 9.05, not 9:05; other "X点"
 *       ("三点建议", "有一点") stay;
 *   <li>dates: digit-by-digit years "二零二四年" → 2024年, months "三月" → 3月, days after a month
 *       "五日", "十五号" → 5日, 15号;
 *   <li>money: "三百五十元" → 350元; spoken "两块五", "三块五毛二" become decimal yuan, 2.5元 and
 *       3.52元, the form prices are printed in;
 *   <li>a multi-character number stands alone: "一千二百万" → 12000000, "两万三千" → 23000;
 *   <li>a single numeral from 2 (and 十) becomes a digit only before a measure word: "三个人" → 3个人;
 *   <li>一 alone stays (一起, 一样, 一个, 一次) except in the contexts above and before currency;
 *   <li>ordinals below ten stay ("第一次"), from ten on are digits ("第二十一届" → 第21届), as English;
 *   <li>approximations stay ("三四个", "十几个", "几十"), as do a few listed idioms ("十万火急") and
 *       anything that is not a well-formed number ("万一", "千万", "一一").
 * </ul>
 */
public final class MandarinInverseNormalizer implements TextNormalizer {

    @Override
    public String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            Conversion conversion = MandarinRules.at(text, i);
            if (conversion == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(conversion.written());
                i = conversion.end();
            }
        }
        return out.toString();
    }

    /**
     * What replaces the text from the scan position to {@code end} (exclusive); a run that stays
     * is returned unchanged so that no part of it is converted on its own later.
     */
    record Conversion(int end, String written) {}
}
