package io.greenscribe;

import io.greenscribe.cli.TranscribeCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The GreenScribe server; {@code transcribe FILE...} runs the command line instead. */
@SpringBootApplication
public class GreenScribeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("transcribe")) {
            // stdout carries the transcript: logging goes to stderr, and only what matters
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(TranscribeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(GreenScribeApplication.class, args);
    }
}
