package io.greenscribe.text.en;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One English number word: its place in the number grammar, its value, and whether it is the
 * ordinal form ("twenty" and "twentieth" are both tens worth 20).
 */
record NumberWord(Kind kind, long value, boolean ordinal) {

    enum Kind {
        UNIT,
        TEEN,
        TENS,
        HUNDRED,
        SCALE
    }

    private static final Map<String, NumberWord> WORDS = new HashMap<>();

    static {
        String[] units = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        String[] unitOrdinals = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
        String[] teens = {
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
        };
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < units.length; i++) {
            put(units[i], unitOrdinals[i], Kind.UNIT, i + 1);
        }
        for (int i = 0; i < teens.length; i++) {
            put(teens[i], teens[i].equals("twelve") ? "twelfth" : teens[i] + "th", Kind.TEEN, i + 10);
        }
        for (int i = 0; i < tens.length; i++) {
            put(tens[i], tens[i].substring(0, tens[i].length() - 1) + "ieth", Kind.TENS, (i + 2) * 10);
        }
        put("hundred", "hundredth", Kind.HUNDRED, 100);
        put("thousand", "thousandth", Kind.SCALE, 1_000);
        put("million", "millionth", Kind.SCALE, 1_000_000);
        put("billion", "billionth", Kind.SCALE, 1_000_000_000);
        put("trillion", "trillionth", Kind.SCALE, 1_000_000_000_000L);
        WORDS.put("fourty", new NumberWord(Kind.TENS, 40, false)); // a common misspelling Whisper reproduces
    }

    private static void put(String cardinal, String ordinal, Kind kind, long value) {
        WORDS.put(cardinal, new NumberWord(kind, value, false));
        WORDS.put(ordinal, new NumberWord(kind, value, true));
    }

    /** Digits as read one by one after "point" and in times ("three oh five"). */
    static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("zero", 0),
            Map.entry("oh", 0),
            Map.entry("o", 0),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9));

    /** Plural tens that name a decade after a century ("nineteen eighties"). */
    static final Map<String, Integer> DECADES = Map.of(
            "twenties",
            20,
            "thirties",
            30,
            "forties",
            40,
            "fifties",
            50,
            "sixties",
            60,
            "seventies",
            70,
            "eighties",
            80,
            "nineties",
            90);

    /**
     * Units of measure after which even a small number is written in digits ("5 kilometers"): the
     * AP convention for measurements. Words like "minutes" or "people" are not here on purpose.
     */
    static final Set<String> MEASURES = Set.of(
            "cent",
            "cents",
            "pence",
            "degree",
            "degrees",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
            "km",
            "mile",
            "miles",
            "mph",
            "meter",
            "meters",
            "metre",
            "metres",
            "centimeter",
            "centimeters",
            "centimetre",
            "centimetres",
            "millimeter",
            "millimeters",
            "millimetre",
            "millimetres",
            "kilogram",
            "kilograms",
            "kilo",
            "kilos",
            "kg",
            "gram",
            "grams",
            "pound",
            "pounds",
            "ounce",
            "ounces",
            "inch",
            "inches",
            "foot",
            "feet",
            "yard",
            "yards",
            "liter",
            "liters",
            "litre",
            "litres",
            "milliliter",
            "milliliters",
            "gallon",
            "gallons",
            "kilobytes",
            "megabytes",
            "gigabytes",
            "terabytes",
            "volts",
            "watts",
            "kilowatts",
            "megawatts",
            "gigawatts",
            "hertz",
            "kilohertz",
            "megahertz",
            "gigahertz",
            "bits",
            "bytes");

    /** The number word, or null for any other word. */
    static NumberWord of(String word) {
        return WORDS.get(word);
    }

    static boolean isNumberWord(String word) {
        return WORDS.containsKey(word) || word.equals("zero");
    }
}
