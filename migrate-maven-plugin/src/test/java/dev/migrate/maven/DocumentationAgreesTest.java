package dev.migrate.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What users read in two places says the same: {@code migrate:help} (the plugin descriptor, built
 * from the Mojos' Javadoc) and the README's settings table; the JSON finding kinds the code emits
 * and their Javadoc.
 */
class DocumentationAgreesTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    /** "PostgreSQL lock_timeout" pairs: a database and the setting it uses, as either text names them. */
    private static final Pattern DATABASE_SETTING = Pattern.compile("(PostgreSQL|H2|MariaDB|MySQL) `?([A-Za-z_]+)`?");

    @Test
    void ddlLockTimeoutHelpAndReadmeNameTheSameDatabaseSettings() throws Exception {
        String help = pluginParameterDescription("upgrade", "ddlLockTimeout").replaceAll("<[^>]+>", "`");
        String readme = readmeRow("migrate.ddlLockTimeout");
        Set<String> inHelp = databaseSettings(help);
        Set<String> inReadme = databaseSettings(readme);
        assertFalse(inReadme.isEmpty(), readme);
        assertEquals(inReadme, inHelp, "migrate:help says: " + help + "\nREADME says: " + readme);
    }

    @Test
    void findingJavadocListsEveryKindCheckReports() throws IOException {
        Set<String> emitted = new TreeSet<>();
        Pattern finding = Pattern.compile("new (?:JsonReports\\.)?Finding\\(\"([A-Z_]+)\"");
        try (Stream<Path> sources = Files.walk(MODULE.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = finding.matcher(Files.readString(source));
                while (matcher.find()) {
                    emitted.add(matcher.group(1));
                }
            }
        }
        // The kinds check reports are the findings of Migrator.check, named in core.
        Matcher kinds = Pattern.compile("public String kind\\(\\) \\{\\s*return \"([A-Z_]+)\";")
                .matcher(Files.readString(MODULE.resolve("../migrate-core/src/main/java/dev/migrate/check/CheckFinding.java")));
        while (kinds.find()) {
            emitted.add(kinds.group(1));
        }
        assertTrue(emitted.size() >= 6, "found " + emitted);
        String reports = Files.readString(MODULE.resolve("src/main/java/dev/migrate/maven/JsonReports.java"));
        String javadoc = reports.substring(reports.lastIndexOf("/**", reports.indexOf("public record Finding(")),
                reports.indexOf("public record Finding("));
        String json = Files.readString(MODULE.resolve("JSON.md"));
        for (String kind : emitted) {
            assertTrue(javadoc.contains("{@code " + kind + "}"), "JsonReports.Finding's Javadoc lacks " + kind);
            assertTrue(json.contains("`" + kind + "`"), "JSON.md lacks " + kind);
        }
    }

    private static Set<String> databaseSettings(String text) {
        Set<String> pairs = new TreeSet<>();
        Matcher matcher = DATABASE_SETTING.matcher(text);
        while (matcher.find()) {
            pairs.add(matcher.group(1) + " " + matcher.group(2));
        }
        return pairs;
    }

    private static String readmeRow(String property) throws IOException {
        return Files.readAllLines(MODULE.resolveSibling("README.md")).stream()
                .filter(line -> line.startsWith("| `" + property + "` |"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no row for " + property));
    }

    private static String pluginParameterDescription(String goal, String parameter) throws Exception {
        Path descriptor = MODULE.resolve("target/classes/META-INF/maven/plugin.xml");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getDocumentElement();
        NodeList mojos = root.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(text(mojo, "goal"))) {
                continue;
            }
            NodeList parameters = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element candidate = (Element) parameters.item(j);
                if (parameter.equals(text(candidate, "name"))) {
                    return text(candidate, "description");
                }
            }
        }
        throw new AssertionError("plugin.xml has no parameter " + parameter + " on " + goal);
    }

    private static String text(Element element, String child) {
        NodeList children = element.getElementsByTagName(child);
        return children.getLength() == 0 ? null : children.item(0).getTextContent();
    }
}
