package io.greenscribe.admin;

import io.greenscribe.job.JobService;
import io.greenscribe.text.TranscriptFormat;
import io.greenscribe.text.TranscriptWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A transcript as a file, in any format, written exactly as the API writes it. */
@Controller
@RequiredArgsConstructor
class TranscriptDownloads {

    private final JobService jobs;
    private final ConsoleTenant tenant;
    private final TranscriptWriter writer = new TranscriptWriter();

    @GetMapping("/admin/jobs/{id}/transcript")
    ResponseEntity<String> download(@PathVariable UUID id, @RequestParam(defaultValue = "txt") String format) {
        TranscriptFormat f = TranscriptFormat.parse(format);
        String body = writer.write(jobs.transcript(tenant.id(), id), f);
        String name = jobs.get(tenant.id(), id).audio().name();
        String base = name == null ? id.toString() : name.replaceAll("\\.[^.]*$", "");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(f.mediaType()), StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(base + "." + f.extension(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
