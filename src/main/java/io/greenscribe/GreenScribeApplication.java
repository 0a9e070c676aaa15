package io.greenscribe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The GreenScribe server. */
@SpringBootApplication
public class GreenScribeApplication {

    public static void main(String[] args) {
        SpringApplication.run(GreenScribeApplication.class, args);
    }
}
