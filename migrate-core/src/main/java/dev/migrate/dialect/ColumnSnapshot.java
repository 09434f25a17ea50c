package dev.migrate.dialect;

/**
 * One column as the database reports it.
 *
 * @param name          the column's name
 * @param type          the database's type name, with length or precision where it has one
 *                      ({@code varchar(200)}, {@code numeric(10,2)})
 * @param nullable      false for NOT NULL
 * @param defaultValue  the default expression as the database prints it, or null
 * @param autoIncrement true for identity (and serial) columns
 */
public record ColumnSnapshot(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement) {

    /** {@code varchar(200) NOT NULL DEFAULT 'x'}. */
    public String describe() {
        return type + (nullable ? "" : " NOT NULL") + (defaultValue == null ? "" : " DEFAULT " + defaultValue)
                + (autoIncrement ? " IDENTITY" : "");
    }
}
