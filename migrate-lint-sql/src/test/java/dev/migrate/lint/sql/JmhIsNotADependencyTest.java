package dev.migrate.lint.sql;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * JSqlParser declares JMH as a compile dependency it does not use at run time; this module excludes
 * it so that projects using the plugin or migrate-junit do not get JMH, jopt-simple and
 * commons-math3 on their class path. The parser itself is exercised by the other tests here.
 */
class JmhIsNotADependencyTest {

    @Test
    void jmhIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.openjdk.jmh.runner.Runner"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.commons.math3.util.FastMath"));
    }
}
