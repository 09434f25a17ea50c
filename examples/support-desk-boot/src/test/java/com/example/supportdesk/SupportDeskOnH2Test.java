package com.example.supportdesk;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The service on a fresh in-memory H2 database (the file database of `mvn spring-boot:run` stays untouched). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:support-desk-test;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE")
class SupportDeskOnH2Test extends SupportDeskTests {
}
