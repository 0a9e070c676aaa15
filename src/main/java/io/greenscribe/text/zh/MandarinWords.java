package io.greenscribe.text.zh;

import java.util.List;

/** The word lists the Mandarin rules consult; each list says why it exists. */
final class MandarinWords {

    private MandarinWords() {}

    /**
     * Measure words and units: after one a number from 2 up is counting or measuring, which written
     * Chinese puts in digits (GB/T 15835). Longer words first so "分钟" wins over a shorter match.
     */
    static final List<String> MEASURES = List.of(
            "公里", "千米", "厘米", "毫米", "公斤", "千克", "小时", "分钟", "秒钟", "美元", "欧元", "英镑", "日元", "港元", "港币", "个", "位", "名",
            "只", "条", "张", "件", "本", "次", "种", "年", "天", "周", "岁", "秒", "米", "克", "斤", "吨", "度", "倍", "家", "台", "辆",
            "部", "份", "页", "层", "场", "篇", "元", "块", "毛", "角", "号", "届", "期", "章", "节", "日", "颗", "棵", "座", "架", "首",
            "杯", "瓶", "箱", "所", "间", "头", "匹", "双", "对", "套", "株", "遍", "回", "趟", "项", "封", "句", "口");

    /** Currency units after which even 一 is money ("一元" → "1元"). */
    static final List<String> CURRENCIES = List.of("美元", "欧元", "英镑", "日元", "港元", "港币", "元");

    /** Time-of-day words that make a bare "三点" a clock hour rather than "three points". */
    static final List<String> TIMES_OF_DAY =
            List.of("上午", "下午", "晚上", "早上", "凌晨", "中午", "傍晚", "夜里", "早晨", "今晚", "明早", "昨晚", "半夜");

    /**
     * Idioms whose numerals parse as numbers but are lexical. Idioms like 三心二意 or 十全十美 need no
     * entry: their numerals are single characters with no measure word and stay anyway.
     */
    static final List<String> IDIOMS = List.of(
            "十万火急", "三十而立", "四十不惑", "五十知天命", "三十六计", "十八般", "七十二变", "九九归一", "二十四孝", "十二生肖", "一千零一夜", "十一长假", "十一黄金周");

    /** The list entry that {@code text} continues with at {@code at}, or null. */
    static String startingAt(String text, int at, List<String> words) {
        for (String word : words) {
            if (text.startsWith(word, at)) {
                return word;
            }
        }
        return null;
    }

    /** Whether one of {@code words} ends right before {@code at}. */
    static boolean endsAt(String text, int at, List<String> words) {
        return words.stream().anyMatch(word -> at >= word.length() && text.startsWith(word, at - word.length()));
    }

    /** Whether position {@code at} lies inside one of the idioms. */
    static boolean inIdiom(String text, int at) {
        for (String idiom : IDIOMS) {
            for (int from = Math.max(0, at - idiom.length() + 1); from <= at; from++) {
                if (text.startsWith(idiom, from)) {
                    return true;
                }
            }
        }
        return false;
    }
}
