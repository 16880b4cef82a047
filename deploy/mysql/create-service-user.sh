#!/bin/sh
# Run by the MySQL image once, when its data volume is first initialised (/docker-entrypoint-initdb.d).
# The service gets an account of its own that can migrate its one database and read and write its
# rows, and nothing else: no DROP, no DELETE (the service never deletes rows), no other database,
# no server-wide privilege. Passwords: hex (`openssl rand -hex 32`), as they go into URLs.
set -eu
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS '${MYSQL_SERVICE_USER}'@'%' IDENTIFIED BY '${MYSQL_SERVICE_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, CREATE, ALTER, INDEX, REFERENCES ON \`${MYSQL_DATABASE}\`.* TO '${MYSQL_SERVICE_USER}'@'%';
SQL
