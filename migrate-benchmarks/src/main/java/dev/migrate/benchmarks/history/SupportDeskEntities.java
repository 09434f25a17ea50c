package dev.migrate.benchmarks.history;

import java.util.List;

/**
 * The tables of a customer-support desk, in an order where every foreign key points at an earlier
 * table. A long history creates them again with a numeric suffix ({@code ticket_2}), so any number
 * of revisions stays realistic in shape.
 */
final class SupportDeskEntities {

    /** A column of a table template; {@code references} is the referenced entity or null. */
    record ColumnTemplate(String name, String type, String constraints, String references) {
    }

    /** A table: its entity name, its columns, and whether reference rows can be inserted into it. */
    record EntityTemplate(String name, List<ColumnTemplate> columns, boolean seedable) {
    }

    static final List<EntityTemplate> ALL = List.of(
            entity("organization", true, col("name", "VARCHAR(200)", "NOT NULL"), col("domain", "VARCHAR(255)", "")),
            entity("team", true, col("name", "VARCHAR(100)", "NOT NULL"), col("email_alias", "VARCHAR(320)", "")),
            entity("agent", false, fk("team_id", "team"), col("email", "VARCHAR(320)", "NOT NULL"),
                    col("display_name", "VARCHAR(200)", "NOT NULL"), col("max_open_tickets", "INTEGER", "NOT NULL DEFAULT 25")),
            entity("customer", false, fk("organization_id", "organization"), col("email", "VARCHAR(320)", "NOT NULL"),
                    col("full_name", "VARCHAR(200)", ""), col("created_at", "TIMESTAMPTZ", "NOT NULL DEFAULT now()")),
            entity("sla_policy", true, col("name", "VARCHAR(100)", "NOT NULL"),
                    col("first_response_minutes", "INTEGER", "NOT NULL DEFAULT 60"),
                    col("resolution_minutes", "INTEGER", "NOT NULL DEFAULT 1440")),
            entity("ticket", false, fk("customer_id", "customer"), fk("assignee_id", "agent"), fk("sla_policy_id", "sla_policy"),
                    col("subject", "VARCHAR(300)", "NOT NULL"), col("status", "VARCHAR(20)", "NOT NULL DEFAULT 'open'"),
                    col("priority", "INTEGER", "NOT NULL DEFAULT 3"), col("created_at", "TIMESTAMPTZ", "NOT NULL DEFAULT now()")),
            entity("ticket_comment", false, fk("ticket_id", "ticket"), fk("author_agent_id", "agent"),
                    col("body", "TEXT", "NOT NULL"), col("public", "BOOLEAN", "NOT NULL DEFAULT true"),
                    col("created_at", "TIMESTAMPTZ", "NOT NULL DEFAULT now()")),
            entity("tag", true, col("name", "VARCHAR(64)", "NOT NULL UNIQUE"), col("color", "VARCHAR(7)", "")),
            entity("ticket_tag", false, fk("ticket_id", "ticket"), fk("tag_id", "tag")),
            entity("attachment", false, fk("comment_id", "ticket_comment"), col("file_name", "VARCHAR(255)", "NOT NULL"),
                    col("size_bytes", "BIGINT", "NOT NULL DEFAULT 0"), col("content_type", "VARCHAR(100)", "")),
            entity("satisfaction_rating", false, fk("ticket_id", "ticket"), col("score", "INTEGER", "NOT NULL DEFAULT 0"),
                    col("remark", "TEXT", "")),
            entity("macro", true, col("title", "VARCHAR(200)", "NOT NULL"), col("body", "TEXT", ""),
                    col("usage_count", "INTEGER", "NOT NULL DEFAULT 0")),
            entity("knowledge_article", false, fk("author_agent_id", "agent"), col("title", "VARCHAR(300)", "NOT NULL"),
                    col("body", "TEXT", ""), col("published_at", "TIMESTAMPTZ", "")),
            entity("escalation", false, fk("ticket_id", "ticket"), fk("to_team_id", "team"),
                    col("level", "INTEGER", "NOT NULL DEFAULT 1"), col("reason", "TEXT", "")),
            entity("business_hours", false, fk("team_id", "team"), col("weekday", "INTEGER", "NOT NULL"),
                    col("opens", "TIME", "NOT NULL"), col("closes", "TIME", "NOT NULL")));

    /** Columns that later revisions add: base name and type. */
    static final List<ColumnTemplate> ADDED_COLUMNS = List.of(
            col("phone", "VARCHAR(40)", ""), col("locale", "VARCHAR(10)", ""), col("time_zone", "VARCHAR(64)", ""),
            col("vip", "BOOLEAN", ""), col("source_channel", "VARCHAR(20)", ""), col("due_at", "TIMESTAMPTZ", ""),
            col("reopened_count", "INTEGER", ""), col("sentiment_score", "INTEGER", ""), col("external_ref", "VARCHAR(100)", ""),
            col("archived_at", "TIMESTAMPTZ", ""), col("seat_count", "INTEGER", ""), col("notes", "TEXT", ""));

    private SupportDeskEntities() {
    }

    private static EntityTemplate entity(String name, boolean seedable, ColumnTemplate... columns) {
        return new EntityTemplate(name, List.of(columns), seedable);
    }

    private static ColumnTemplate col(String name, String type, String constraints) {
        return new ColumnTemplate(name, type, constraints, null);
    }

    private static ColumnTemplate fk(String name, String entity) {
        return new ColumnTemplate(name, "BIGINT", "", entity);
    }
}
