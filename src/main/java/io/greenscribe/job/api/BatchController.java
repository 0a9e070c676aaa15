package io.greenscribe.job.api;

import io.greenscribe.job.JobOptions;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.batch.BatchService;
import io.greenscribe.job.batch.BatchView;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.security.Caller;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Batches: many uploads ({@code files} parts) or one server directory, with shared options. */
@RestController
@RequestMapping("/api/v1/batches")
class BatchController {

    private final BatchService batches;

    BatchController(BatchService batches) {
        this.batches = batches;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchView> submitForm(@AuthenticationPrincipal Caller caller,
            @RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam MultiValueMap<String, String> form) {
        OptionForm.rejectUnknown(form, Set.of("files", "directory", "name"));
        List<AudioSource> sources = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                sources.add(new AudioSource.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream));
            }
        }
        String directory = form.getFirst("directory");
        if (directory != null && !directory.isBlank()) {
            if (!sources.isEmpty()) {
                throw new GreenScribeException("Send either 'files' or 'directory', not both.");
            }
            sources = batches.directory(directory);
        }
        return created(batches.submit(caller.tenantId(), form.getFirst("name"), sources, OptionForm.options(form)));
    }

    /** JSON: {@code {"directory": "...", "name": "...", "language": "en", ...}}. */
    record DirectoryBatch(String directory, String name, String language, String model, List<String> hotwords,
            Boolean itn, List<String> formats, Integer priority, Instant deadline, Instant notBefore, URI callbackUrl) {

        JobOptions options() {
            return new JobController.PathSubmission(directory, language, model, hotwords, itn, formats, priority,
                    deadline, notBefore, callbackUrl).options();
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchView> submitJson(@AuthenticationPrincipal Caller caller, @RequestBody DirectoryBatch body) {
        if (body.directory() == null) {
            throw new GreenScribeException("directory is required (or upload 'files' as multipart/form-data).");
        }
        return created(batches.submit(caller.tenantId(), body.name(), batches.directory(body.directory()), body.options()));
    }

    @GetMapping("/{id}")
    BatchView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return batches.get(caller.tenantId(), id);
    }

    private static ResponseEntity<BatchView> created(BatchView batch) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/batches/" + batch.id())).body(batch);
    }
}
