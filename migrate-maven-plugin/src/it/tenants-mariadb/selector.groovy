// MariaDB integration tests run where CI provides a server (MIGRATE_TEST_MARIADB_URL).
def url = System.getenv('MIGRATE_TEST_MARIADB_URL')
return url != null && !url.isEmpty()
