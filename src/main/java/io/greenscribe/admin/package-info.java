/**
 * The operator console: server-rendered pages over the module APIs (never their tables), whose
 * actions call the same service methods as the REST API, behind its own form login.
 */
package io.greenscribe.admin;
