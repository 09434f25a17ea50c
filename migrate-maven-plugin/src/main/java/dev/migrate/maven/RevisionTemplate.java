package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A project's own revision template ({@code migrate.template}, Alembic's {@code script.py.mako}): the
 * text of a revision source with {@code ${name}} placeholders, so a team's licence header, imports and
 * comments go into every revision {@code revision} and {@code merge} write. {@code $${} writes a
 * literal {@code ${}. The template is read and checked completely before anything else happens, so
 * a mistake in it never leaves a half-written revision.
 */
final class RevisionTemplate {

    /** Every placeholder with what it stands for; README's "Revision template" lists the same. */
    static final Map<String, String> PLACEHOLDERS = placeholders();

    /** Without these the written source cannot compile, or loses what autogenerate wrote. */
    static final List<String> REQUIRED = List.of("package", "imports", "annotation", "className", "upgradeBody",
            "downgradeBody");

    private final String name;
    private final List<List<Part>> lines;

    private RevisionTemplate(String name, List<List<Part>> lines) {
        this.name = name;
        this.lines = lines;
    }

    private static Map<String, String> placeholders() {
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("package", "the package name");
        placeholders.put("imports", "the import lines the generated code needs");
        placeholders.put("annotation", "the complete @Revision(...) annotation");
        placeholders.put("className", "the class name");
        placeholders.put("id", "the new revision id");
        placeholders.put("revises", "the parents, comma-separated (empty for a new base)");
        placeholders.put("dependsOn", "the depends_on references, comma-separated (often empty)");
        placeholders.put("branchLabels", "the branch labels, comma-separated (often empty)");
        placeholders.put("message", "the message, made safe for a comment");
        placeholders.put("date", "when the revision was written, UTC (2026-12-05T14:03:11Z)");
        placeholders.put("upgradeBody", "the statements of upgrade()");
        placeholders.put("downgradeBody", "the statements of downgrade()");
        return Collections.unmodifiableMap(placeholders); // in this order in messages and the README
    }

    /**
     * Reads and checks the template {@code configured} names, a path relative to {@code baseDirectory}
     * unless absolute; messages name it as the user wrote it.
     */
    static RevisionTemplate load(Path baseDirectory, String configured) {
        String written = configured.trim();
        Path file = baseDirectory.resolve(written);
        if (!Files.isRegularFile(file)) {
            throw new MigrateException("migrate.template is '" + written + "', but " + file
                    + (Files.isDirectory(file) ? " is a directory." : " does not exist.")
                    + " Give the path of the template file relative to the project's directory (see the README,"
                    + " \"Revision template\"), or leave migrate.template out for the built-in one.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new MigrateException("migrate.template " + written + " is not UTF-8 text. Save it as UTF-8.", e);
        } catch (IOException e) {
            throw new MigrateException("Cannot read migrate.template " + written + ": " + e.getMessage() + ".", e);
        }
        return parse(written, text);
    }

    /** Parses template text; {@code name} is how messages call it. */
    static RevisionTemplate parse(String name, String text) {
        List<List<Part>> lines = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        String[] rawLines = text.split("\r?\n", -1);
        int count = text.endsWith("\n") ? rawLines.length - 1 : rawLines.length;
        for (int number = 1; number <= count; number++) {
            lines.add(parseLine(name, number, rawLines[number - 1], used));
        }
        List<String> missing = REQUIRED.stream().filter(required -> !used.contains(required)).toList();
        if (!missing.isEmpty()) {
            throw new MigrateException("migrate.template " + name + " lacks " + missing.stream()
                    .map(p -> "${" + p + "}").collect(Collectors.joining(", ")) + ". A revision written from it"
                    + " needs all of ${package} (its package line), ${imports}, ${annotation} (the processor finds"
                    + " revisions by it), ${className} (the class must be named as its file), ${upgradeBody} and"
                    + " ${downgradeBody} (the code of the two methods); add the missing ones.");
        }
        return new RevisionTemplate(name, List.copyOf(lines));
    }

    private static List<Part> parseLine(String name, int number, String line, Set<String> used) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            if (line.startsWith("$${", i)) {
                text.append("${");
                i += 3;
            } else if (line.startsWith("${", i)) {
                int end = line.indexOf('}', i + 2);
                if (end < 0) {
                    throw new MigrateException("migrate.template " + name + ", line " + number + ": '${' without a"
                            + " closing '}'. Close the placeholder, or write $${ for a literal ${.");
                }
                String placeholder = line.substring(i + 2, end);
                if (!PLACEHOLDERS.containsKey(placeholder)) {
                    throw new MigrateException("migrate.template " + name + ", line " + number + ": unknown placeholder ${"
                            + placeholder + "}. The placeholders are " + PLACEHOLDERS.keySet().stream()
                            .map(p -> "${" + p + "}").collect(Collectors.joining(", "))
                            + " (write $${ for a literal ${).");
                }
                if (text.length() > 0) {
                    parts.add(new Part(text.toString(), false));
                    text.setLength(0);
                }
                parts.add(new Part(placeholder, true));
                used.add(placeholder);
                i = end + 1;
            } else {
                text.append(line.charAt(i));
                i++;
            }
        }
        if (text.length() > 0 || parts.isEmpty()) {
            parts.add(new Part(text.toString(), false));
        }
        return List.copyOf(parts);
    }

    /** How messages name the template: the path as configured. */
    String name() {
        return name;
    }

    /**
     * The template with every placeholder replaced. A placeholder alone on its line with a value of
     * several lines (the imports, the annotation, a method body) gets the line's indentation on each
     * of them; alone on its line with an empty value, the line goes, so no stray blank line remains.
     */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (List<Part> line : lines) {
            Part only = aloneOnItsLine(line);
            if (only != null) {
                String indent = line.size() == 2 ? line.get(0).text() : "";
                String value = value(values, only.text());
                if (value.isEmpty()) {
                    continue;
                }
                for (String valueLine : value.split("\n", -1)) {
                    out.append(valueLine.isEmpty() ? "" : indent).append(valueLine).append('\n');
                }
                continue;
            }
            for (Part part : line) {
                out.append(part.placeholder() ? value(values, part.text()) : part.text());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The one placeholder of a line holding nothing else but leading white space, or null. */
    private static Part aloneOnItsLine(List<Part> line) {
        if (line.size() == 1 && line.get(0).placeholder()) {
            return line.get(0);
        }
        if (line.size() == 2 && !line.get(0).placeholder() && line.get(0).text().isBlank() && line.get(1).placeholder()) {
            return line.get(1);
        }
        return null;
    }

    private static String value(Map<String, String> values, String placeholder) {
        String value = values.get(placeholder);
        if (value == null) {
            throw new IllegalStateException("No value for ${" + placeholder + "}");
        }
        return value;
    }

    /** Literal text, or the name of a placeholder. */
    private record Part(String text, boolean placeholder) {
    }
}
