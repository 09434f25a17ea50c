// The application's naming (camel case kept) and quoting (case kept on H2) and its legacy sequence name.
def written = new File(basedir, 'src/main/java/it/db').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "expected one generated revision, found ${written*.name}"
String source = written[0].text
assert source.contains('op.createTable("SupportTicket", t -> {') : source
assert source.contains('"subjectLine"') : source
assert source.contains('"hibernate_sequence"') : source

String log = new File(basedir, 'build.log').text
assert log.contains('Hibernate settings of the application read from classpath:application.yml') : log
assert log.contains('No changes detected between the entities and the database; nothing written') : log
true
