package io.greenscribe.text.en;

import java.util.Set;

/**
 * Clock times: "three thirty p m" to 3:30 p.m., "ten a m" to 10 a.m., "seven o'clock" to 7:00,
 * and "at ten thirty" to 10:30. Hour and minute alone ("ten thirty") are a time only after a cue
 * such as "at"; otherwise they could as well be a score or a price and are left to other grammars.
 */
final class TimeGrammar implements Grammar {

    private static final Set<String> CUES =
            Set.of("at", "by", "until", "till", "til", "around", "from", "to", "before", "after", "since", "about");

    private record Meridiem(int end, String written) {}

    @Override
    public Match match(Tokens tokens, int i) {
        long hour = hour(tokens.word(i));
        if (hour == 0) {
            return null;
        }
        int end = i;
        long minute = -1;
        int m = tokens.next(i);
        NumberWord word = NumberWord.of(tokens.word(m));
        if ((tokens.word(m).equals("oh") || tokens.word(m).equals("o")) && Years.unit(tokens, tokens.next(m)) > 0) {
            end = tokens.next(m);
            minute = Years.unit(tokens, end);
        } else if (word != null && !word.ordinal() && word.kind() == NumberWord.Kind.TEEN) {
            end = m;
            minute = word.value();
        } else if (word != null && !word.ordinal() && word.kind() == NumberWord.Kind.TENS && word.value() <= 50) {
            end = m;
            minute = word.value();
            int u = tokens.nextInNumber(m);
            if (Years.unit(tokens, u) > 0) {
                end = u;
                minute += Years.unit(tokens, u);
            }
        }
        int oClock = tokens.next(end);
        if (minute < 0 && tokens.word(oClock).equals("o'clock")) {
            Meridiem meridiem = meridiem(tokens, tokens.next(oClock));
            return meridiem == null
                    ? new Match(oClock, hour + ":00")
                    : new Match(meridiem.end(), hour + ":00 " + meridiem.written());
        }
        String clock = minute < 0 ? Long.toString(hour) : hour + ":" + String.format("%02d", minute);
        Meridiem meridiem = meridiem(tokens, tokens.next(end));
        if (meridiem != null) {
            return new Match(meridiem.end(), clock + " " + meridiem.written());
        }
        return minute >= 0 && CUES.contains(tokens.word(tokens.previous(i))) ? new Match(end, clock) : null;
    }

    /** 1 to 12 for an hour word, else 0. */
    private static long hour(String word) {
        NumberWord number = NumberWord.of(word);
        return number != null && !number.ordinal() && number.value() <= 12 && number.kind() != NumberWord.Kind.TENS
                ? number.value()
                : 0;
    }

    /**
     * "a m", "a.m.", "am" and the p.m. forms. A full stop right after is taken along, since the
     * written form already ends in one and a sentence never ends in two.
     */
    private static Meridiem meridiem(Tokens tokens, int i) {
        String w = tokens.word(i);
        if (!w.equals("a") && !w.equals("p") && !w.equals("am") && !w.equals("pm")) {
            return null;
        }
        String written = w.charAt(0) + ".m.";
        int end;
        if (w.length() == 2) {
            end = i;
        } else if (tokens.followedBy(i, ".") && tokens.word(i + 2).equals("m") && tokens.followedBy(i + 1, "m")) {
            end = i + 2;
        } else if (tokens.word(tokens.next(i)).equals("m")) {
            end = tokens.next(i);
        } else {
            return null;
        }
        return new Meridiem(tokens.followedBy(end, ".") ? end + 1 : end, written);
    }
}
