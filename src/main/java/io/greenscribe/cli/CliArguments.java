package io.greenscribe.cli;

import io.greenscribe.system.GreenScribeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional files, checked against the known option names. */
record CliArguments(Map<String, String> options, List<Path> files) {

    private static final Set<String> FLAGS = Set.of("no-timestamps", "word-timestamps", "help", "energy", "diarize");

    static CliArguments parse(String[] args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                files.add(Path.of(arg));
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name) && !FLAGS.contains(name)) {
                throw new GreenScribeException("unknown option --" + name + "; known: " + String.join(", ", known));
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new GreenScribeException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            }
        }
        return new CliArguments(options, files);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int integer(String name, int fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new GreenScribeException("option --" + name + " must be a whole number, not '" + v + "'");
        }
    }

    List<String> list(String name) {
        String v = options.get(name);
        return v == null || v.isBlank()
                ? List.of()
                : Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
