// Shared by the ITs of goals that must fail cleanly: evaluate(new File(basedir, '../it-parent/fails-in-one-line.groovy'))
// returns a closure (basedir, message, sources) that asserts the build failed with `message` as the whole of Maven's
// "Failed to execute goal" line (one line, nothing after it but Maven's own -> [Help 1] pointer), no stack trace and no
// exception name outside Maven's summary, and that src/main/java holds exactly `sources` (nothing written).
return { File basedir, String message, List<String> sources ->
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log.contains('BUILD FAILURE') : log
    int at = log.indexOf(message)
    assert at >= 0 : "build.log lacks: ${message}\n${log}"
    String line = log.substring(log.lastIndexOf('\n', at) + 1, log.indexOf('\n', at))
    assert line.startsWith('[ERROR] Failed to execute goal dev.migrate:migrate-maven-plugin:') : line
    // Maven ends the message's last line with its pointer: here, so the message is one line.
    assert line.endsWith(': ' + message + ' -> [Help 1]') : "the message is not the whole line:\n${line}"
    // Maven's own download warnings (a local repository without checksum files) print the resolver's exception with
    // its stack trace: not the goal's output, so left out before looking for ours.
    List<String> lines = []
    boolean resolverTrace = false
    for (String each : log.readLines()) {
        if (each.startsWith('org.eclipse.aether.')) {
            resolverTrace = true
        } else if (each.startsWith('[')) {
            resolverTrace = false
        }
        if (!resolverTrace) {
            lines << each
        }
    }
    assert !lines.any { it ==~ /^(\t|    )at .*/ } : 'a stack trace:\n' + lines.join('\n')
    def exceptions = lines.findAll { it.contains('Exception') && !it.contains('[Help 1] http') }
    assert exceptions.isEmpty() : 'an exception in the log:\n' + exceptions.join('\n')
    def root = new File(basedir, 'src/main/java')
    def found = []
    root.eachFileRecurse(groovy.io.FileType.FILES) { if (it.name.endsWith('.java')) found << root.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
    assert found.sort() == sources.sort() : "files written: ${found - sources}"
    true
}
