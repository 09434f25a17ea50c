package com.example.supportdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The support desk: tickets over REST, stored with JPA. The migrate starter brings the database to
 * head at start-up, before JPA validates the entities against it ({@code ddl-auto=validate}).
 */
@SpringBootApplication
public class SupportDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportDeskApplication.class, args);
    }
}
