package com.example.supportdesk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.Migrator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service started whole on a random port, on whichever database the subclass gives it: migrate
 * brings the database to head before Hibernate validates the entities, and the endpoints answer.
 */
abstract class SupportDeskTests {

    private static final String HEAD = "2b3c4d5e6f70";

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableListableBeanFactory beanFactory;

    @Autowired
    Environment environment;

    @Autowired
    Migrator migrator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void migrateRanBeforeHibernateValidatedTheEntities() {
        // The context started with ddl-auto=validate, which fails on a missing table: the tables were
        // there when Hibernate looked, because the EntityManagerFactory waited for migrate.
        assertEquals("validate", environment.getProperty("spring.jpa.hibernate.ddl-auto"));
        String[] dependsOn = beanFactory.getBeanDefinition("entityManagerFactory").getDependsOn();
        assertTrue(dependsOn != null && List.of(dependsOn).contains("migrateInitializer"),
                "entityManagerFactory depends on " + (dependsOn == null ? "nothing" : List.of(dependsOn)));
        assertEquals(List.of(HEAD), migrator.current());
        assertEquals(List.of("1a2b3c4d5e6f", HEAD), jdbc.queryForList(
                "SELECT revision FROM migrate_history WHERE direction = 'up' AND success ORDER BY started, revision",
                String.class));
        // The seed rows of the first revision.
        assertArrayEquals(new String[] {"Ada Lovelace", "Grace Hopper"},
                jdbc.queryForList("SELECT name FROM agent ORDER BY name", String.class).toArray());
    }

    @Test
    void opensATicketAndListsIt() throws Exception {
        long ada = jdbc.queryForObject("SELECT id FROM agent WHERE email = 'ada@support.example'", Long.class);
        HttpResponse<String> created = post("/tickets", "{\"subject\": \"VPN drops every hour\", \"assigneeId\": " + ada + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode ticket = json.readTree(created.body());
        assertEquals("VPN drops every hour", ticket.get("subject").asString());
        assertEquals("OPEN", ticket.get("status").asString());
        assertEquals("Ada Lovelace", ticket.get("assignee").asString());
        assertEquals("/tickets/" + ticket.get("id").asLong(), created.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> listed = get("/tickets");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode tickets = json.readTree(listed.body());
        assertTrue(tickets.valueStream().anyMatch(t -> t.get("id").asLong() == ticket.get("id").asLong()
                && t.get("assignee").asString().equals("Ada Lovelace")), listed.body());
    }

    @Test
    void aTicketWithoutSubjectOrWithAnUnknownAgentIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> blank = post("/tickets", "{\"subject\": \"  \"}");
        assertEquals(400, blank.statusCode(), blank.body());
        assertEquals("subject must not be blank", message(blank), blank.body());

        HttpResponse<String> unknownAgent = post("/tickets", "{\"subject\": \"Printer on fire\", \"assigneeId\": 999999}");
        assertEquals(400, unknownAgent.statusCode(), unknownAgent.body());
        assertEquals("no agent with id 999999", message(unknownAgent), unknownAgent.body());
    }

    @Test
    void theActuatorEndpointShowsTheDatabaseAtHead() throws Exception {
        HttpResponse<String> response = get("/actuator/migrate");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode state = json.readTree(response.body());
        assertEquals(HEAD, state.get("current").get(0).asString());
        assertEquals(1, state.get("current").size());
        assertEquals(0, state.get("pending").size());
        assertEquals(2, state.get("history").size());
        assertEquals("1a2b3c4d5e6f", state.get("history").get(0).get("revision").asString());
    }

    /** The reason Spring Boot's error response gives ({@code spring.web.error.include-message=always}). */
    private String message(HttpResponse<String> response) {
        JsonNode message = json.readTree(response.body()).get("message");
        return message == null ? null : message.asString();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
