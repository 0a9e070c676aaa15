package io.greenscribe.job.batch;

import io.greenscribe.job.AudioInputs;
import io.greenscribe.job.AudioSource;
import io.greenscribe.job.JobOptions;
import io.greenscribe.job.JobService;
import io.greenscribe.job.JobStatus;
import io.greenscribe.job.JobView;
import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Batches: many files (uploads or a server directory) submitted as jobs with shared options. */
@Service
@RequiredArgsConstructor
public class BatchService {

    private static final int MAX_FILES = 10_000;

    private final JobBatchRepository batches;
    private final JobService jobs;
    private final AudioInputs inputs;
    private final Clock clock;

    public BatchView submit(UUID tenant, String name, List<AudioSource> sources, JobOptions options) {
        if (sources.isEmpty()) {
            throw new GreenScribeException("A batch needs at least one file.");
        }
        if (sources.size() > MAX_FILES) {
            throw new GreenScribeException("A batch holds at most " + MAX_FILES + " files.");
        }
        JobBatch batch = batches.saveAndFlush(new JobBatch(UUID.randomUUID(), tenant, name, clock.instant()));
        for (AudioSource source : sources) {
            jobs.submit(tenant, source, options, null, batch.id);
        }
        return get(tenant, batch.id);
    }

    /** Every regular file directly inside an allowed server directory, in name order. */
    public List<AudioSource> directory(String directory) {
        Path dir = inputs.resolveAllowed(directory);
        if (!Files.isDirectory(dir)) {
            throw new GreenScribeException("'" + directory + "' is not a directory.");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<AudioSource> sources = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(f -> sources.add(new AudioSource.ServerFile(f.toString())));
            return sources;
        } catch (IOException e) {
            throw new GreenScribeException("'" + directory + "' cannot be listed.");
        }
    }

    /** One page of the tenant's batches, newest first, each with its progress and carbon sums. */
    public Page<BatchView> list(UUID tenant, Pageable page) {
        return batches.findByTenantIdOrderByCreatedAtDesc(tenant, page).map(b -> get(tenant, b.id));
    }

    public BatchView get(UUID tenant, UUID id) {
        JobBatch batch = batches.findByIdAndTenantId(id, tenant)
                .orElseThrow(() -> new NotFoundException("Batch " + id + " not found."));
        List<JobView> members = new ArrayList<>(
                jobs.list(tenant, null, id, null, null, Pageable.unpaged()).getContent());
        members.sort(java.util.Comparator.comparing(j -> j.timings().createdAt()));
        Map<JobStatus, Long> byStatus = new EnumMap<>(JobStatus.class);
        int done = 0;
        int total = 0;
        for (JobView j : members) {
            byStatus.merge(j.status(), 1L, Long::sum);
            done += j.progress().windowsDone();
            total += j.progress().windowsTotal();
        }
        boolean finished = members.stream().allMatch(j -> j.status().isFinished());
        return new BatchView(
                batch.id,
                batch.name,
                batch.createdAt,
                members.size(),
                byStatus,
                done,
                total,
                finished,
                members.stream().map(JobView::id).toList(),
                carbon(members));
    }

    static BatchView.Carbon carbon(List<JobView> members) {
        int metered = 0;
        double energy = 0;
        double emitted = 0;
        double audioHours = 0;
        double counterfactual = 0;
        double saving = 0;
        int priced = 0;
        int compared = 0;
        double cpu = 0;
        double memory = 0;
        double gpu = 0;
        double embodied = 0;
        double embodiedPriced = 0;
        for (JobView j : members) {
            JobView.Carbon c = j.carbon();
            if (!j.status().isFinished() || c.energyWh() == null) {
                continue;
            }
            metered++;
            energy += c.energyWh();
            cpu += c.energyCpuWh() == null ? 0 : c.energyCpuWh();
            memory += c.energyMemoryWh() == null ? 0 : c.energyMemoryWh();
            gpu += c.energyGpuWh() == null ? 0 : c.energyGpuWh();
            embodied += c.embodiedGco2e() == null ? 0 : c.embodiedGco2e();
            if (c.gco2e() != null) {
                priced++;
                emitted += c.gco2e();
                embodiedPriced += c.embodiedGco2e() == null ? 0 : c.embodiedGco2e();
                audioHours +=
                        j.audio().durationSeconds() == null ? 0 : j.audio().durationSeconds() / 3600;
            }
            if (c.gco2e() != null && c.counterfactualGco2e() != null) {
                compared++;
                counterfactual += c.counterfactualGco2e();
                saving += c.counterfactualGco2e() - c.gco2e();
            }
        }
        return new BatchView.Carbon(
                metered,
                metered > 0 ? energy : null,
                priced > 0 ? emitted : null,
                compared > 0 ? counterfactual : null,
                compared > 0 ? saving : null,
                audioHours > 0 ? (emitted + embodiedPriced) / audioHours : null,
                metered > 0 ? cpu : null,
                metered > 0 ? memory : null,
                metered > 0 ? gpu : null,
                metered > 0 ? embodied : null);
    }
}
