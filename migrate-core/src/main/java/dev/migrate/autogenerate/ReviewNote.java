package dev.migrate.autogenerate;

import java.util.Objects;

/**
 * What a person must decide about one generated change before applying it (data lost by a drop,
 * NOT NULL on a table that may have rows, a type change that rewrites the table, a likely rename).
 *
 * @param change the change the note is about
 * @param text   one line saying what to check and what to do
 */
public record ReviewNote(Change change, String text) {

    public ReviewNote {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(text, "text");
    }
}
