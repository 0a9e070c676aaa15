package io.greenscribe.carbon.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Joins a configured base URL and a relative path, whatever the trailing slashes. */
public final class BaseUrl {

    private BaseUrl() {}

    public static URI resolve(URI base, String pathAndQuery) {
        String b = base.toString();
        String p = pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery;
        return URI.create(b.endsWith("/") ? b + p : b + "/" + p);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
