package io.greenscribe.admin;

import io.greenscribe.job.JobService;
import io.greenscribe.job.JobView;
import io.greenscribe.pipeline.TranscriptionPipeline;
import io.greenscribe.pipeline.Transcripts;
import io.greenscribe.system.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/** History search over the tenant's transcripts, the same search as {@code GET /api/v1/transcripts/search}. */
@Controller
class SearchPage {

    /** @param job the matching job; @param excerpt escaped text whose matches are wrapped in {@code <b>} */
    record Result(JobView job, String excerpt, double rank) {}

    private final Transcripts transcripts;
    private final JobService jobs;
    private final ConsoleTenant tenant;

    SearchPage(TranscriptionPipeline pipeline, JobService jobs, ConsoleTenant tenant) {
        this.transcripts = pipeline.transcripts();
        this.jobs = jobs;
        this.tenant = tenant;
    }

    @GetMapping("/admin/search")
    String search(@RequestParam(required = false) String q, Model model) {
        List<Result> results = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            for (Transcripts.Hit hit : transcripts.search(tenant.id(), q, 50)) {
                try {
                    results.add(new Result(jobs.get(tenant.id(), hit.jobId()), highlighted(hit.excerpt()), hit.rank()));
                } catch (NotFoundException purged) {
                    // the job was purged after the search ran
                }
            }
        }
        model.addAttribute("q", q);
        model.addAttribute("results", results);
        return "admin/search";
    }

    // The excerpt is transcript text (anyone's speech): escape it all, then put back only the match marks.
    static String highlighted(String excerpt) {
        return HtmlUtils.htmlEscape(excerpt).replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>");
    }
}
