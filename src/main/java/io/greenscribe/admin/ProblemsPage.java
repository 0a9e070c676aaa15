package io.greenscribe.admin;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The problems panel: feed errors, failed jobs, missing models. */
@Controller
@RequiredArgsConstructor
class ProblemsPage {

    private final Problems problems;

    @GetMapping("/admin/problems")
    String problems(Model model) {
        model.addAttribute("problems", problems.current());
        return "admin/problems";
    }
}
