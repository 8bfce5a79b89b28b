package com.engagementledger.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 exactly as written, over a socket: repeated headers, control characters and malformed request lines
 * that an HTTP client library would refuse to send.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer: status, headers (names in lower case; a repeated one keeps its last value) and body. */
    public record Raw(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends the request line and header lines as they are (ISO-8859-1, as HTTP/1.1 puts them on the wire); an
     * empty line ends the headers, and the line after it is the body.
     */
    public static Raw send(int port, String requestLine, String... lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(requestLine);
        all.add("Host: 127.0.0.1:" + port);
        all.add("Connection: close");
        String body = null;
        boolean inBody = false;
        for (String line : lines) {
            if (inBody) {
                body = line;
            } else if (line.isEmpty()) {
                inBody = true;
            } else {
                all.add(line);
            }
        }
        String request = String.join("\r\n", all) + "\r\n\r\n" + (body == null ? "" : body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Raw parse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (java.net.SocketException reset) {
            // the server may close the connection right after its answer
        }
        // ISO-8859-1 keeps one char per byte, so that chunk sizes (in bytes) can be counted in chars
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] headLines = head.split("\r\n");
        int status = headLines[0].startsWith("HTTP/") ? Integer.parseInt(headLines[0].split(" ")[1]) : -1;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < headLines.length; i++) {
            int colon = headLines[i].indexOf(':');
            if (colon > 0) {
                headers.put(headLines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        headLines[i].substring(colon + 1).strip());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Raw(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
