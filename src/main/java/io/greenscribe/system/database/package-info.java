/** The embedded PostgreSQL the server starts when no external database is configured. */
package io.greenscribe.system.database;
