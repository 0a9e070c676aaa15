package io.greenscribe.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The problems panel: feed errors, failed jobs, missing models. */
@Controller
class ProblemsPage {

    private final Problems problems;

    ProblemsPage(Problems problems) {
        this.problems = problems;
    }

    @GetMapping("/admin/problems")
    String problems(Model model) {
        model.addAttribute("problems", problems.current());
        return "admin/problems";
    }
}
