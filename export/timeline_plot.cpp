// Timeline chart: plain SVG elements, sized by the number of periods; text
// escaped with the XML escaper the exporters use.
#include "export/timeline_plot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "export/detail/writer_support.hpp"

namespace dipgraph {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  export_detail::append_xml_text(out, s);
  return out;
}

// The smallest of 1, 2, 5, 10, 20, 50, ... that is at least x.
double nice_step(double x) {
  for (double power = 1;; power *= 10)
    for (double m : {1.0, 2.0, 5.0})
      if (m * power >= x) return m * power;
}

}  // namespace

std::string timeline_svg(const std::vector<PlotPeriod>& periods, const std::string& title) {
  const double left = 60, right = 60, top = 64, plot_h = 260, bottom = 90;
  const std::size_t n = std::max<std::size_t>(periods.size(), 1);
  // The title's head in bold, what follows its first ": " on a second line.
  std::size_t colon = title.find(": ");
  std::string head = title.substr(0, colon);
  std::string rest = colon == std::string::npos ? "" : title.substr(colon + 2);
  // Periods share at least 520 px: few periods get wide slots, not a half-empty plot.
  const double step = std::max(std::clamp(720.0 / static_cast<double>(n), 6.0, 48.0),
                               520.0 / static_cast<double>(n));
  const double width = left + right + step * static_cast<double>(n), height = top + plot_h + bottom;
  std::uint32_t max_facts = 1;
  for (const PlotPeriod& p : periods) max_facts = std::max(max_facts, p.facts);
  // The count axis: at most 4 ticks, a whole number of facts apart (1, 2, 5,
  // 10, 20, 50, ...), up to the first tick at or above the highest bar.
  const double tick = nice_step(max_facts / 4.0);
  const int ticks = static_cast<int>(std::ceil(max_facts / tick));
  const double axis_max = tick * ticks;
  auto y_count = [&](double c) { return top + plot_h - plot_h * c / axis_max; };
  auto y_tone = [&](double g) { return top + plot_h / 2 - plot_h / 2 * std::clamp(g, -10.0, 10.0) / 10; };

  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"Helvetica, Arial, sans-serif\" "
      "font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2:.0f}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{3}</text>\n"
      "<text x=\"{2:.0f}\" y=\"40\" font-size=\"{5:.1f}\" fill=\"#333\">{4}</text>\n",
      width, height, left, esc(head), esc(rest),
      // A long summary line gets a smaller font (a character is about 0.56
      // of the font size wide) rather than being cut off at the edge.
      std::min(11.0, (width - left - 8) / (0.56 * static_cast<double>(std::max<std::size_t>(rest.size(), 1)))));
  // Axes and grid.
  for (int i = 0; i <= ticks; ++i) {
    double c = tick * i, y = y_count(c);
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e5e5e5\"/>\n"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" fill=\"#333\">{:g}</text>\n",
        left, y, width - right, y, left - 6, y + 4, c);
  }
  for (int i = 0; i <= 4; ++i) {
    double g = 10 - 5 * i;
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#1f4e79\">{:+g}</text>\n",
                       width - right + 6, y_tone(g) + 4, g);
  }
  out += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n"
      "<line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{3:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n"
      "<line x1=\"{3:.1f}\" y1=\"{1:.1f}\" x2=\"{3:.1f}\" y2=\"{2:.1f}\" stroke=\"#1f4e79\"/>\n"
      "<line x1=\"{0:.1f}\" y1=\"{4:.1f}\" x2=\"{3:.1f}\" y2=\"{4:.1f}\" stroke=\"#1f4e79\" "
      "stroke-dasharray=\"2,3\"/>\n"
      "<text transform=\"translate(16,{5:.1f}) rotate(-90)\" text-anchor=\"middle\">facts</text>\n"
      "<text transform=\"translate({6:.1f},{5:.1f}) rotate(90)\" text-anchor=\"middle\" "
      "fill=\"#1f4e79\">mean Goldstein</text>\n",
      left, top, top + plot_h, width - right, y_tone(0), top + plot_h / 2, width - 14);
  // Bars: cooperative (green) at the bottom, conflictual (red), other (grey).
  const double bar = std::clamp(step * 0.7, 3.0, 40.0);
  std::size_t label_every = static_cast<std::size_t>(std::ceil(14.0 / step));
  std::string line;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const PlotPeriod& p = periods[i];
    double x = left + step * static_cast<double>(i) + (step - bar) / 2;
    double y0 = top + plot_h;
    std::uint32_t other = p.facts - std::min(p.facts, p.cooperative + p.conflictual);
    struct Part {
      std::uint32_t n;
      const char* colour;
      const char* what;
    } parts[] = {{p.cooperative, "#2e8b57", "cooperative"},
                 {p.conflictual, "#c0392b", "conflictual"},
                 {other, "#b0b0b0", "other"}};
    for (const Part& part : parts) {
      if (!part.n) continue;
      double h = plot_h * part.n / axis_max;
      out += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{}: {} {}</title></rect>\n",
          x, y0 - h, bar, h, part.colour, esc(p.label), part.n, part.what);
      y0 -= h;
    }
    double cx = left + step * (static_cast<double>(i) + 0.5);
    if (p.facts) {
      line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", cx, y_tone(p.mean_goldstein));
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"#1f4e79\"/>\n", cx,
                         y_tone(p.mean_goldstein));
    }
    if (i % label_every == 0)
      out += fmt::format(
          "<text transform=\"translate({:.1f},{:.1f}) rotate(-60)\" text-anchor=\"end\" "
          "font-size=\"10\">{}</text>\n",
          cx + 3, top + plot_h + 12, esc(p.label));
  }
  if (!line.empty())
    out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>\n", line);
  if (periods.empty())
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">no dated facts</text>\n", left + 10, top + 20);
  // Legend.
  double lx = left, ly = height - 14;
  for (auto [colour, text] : {std::pair{"#2e8b57", "cooperative"}, std::pair{"#c0392b", "conflictual"},
                              std::pair{"#b0b0b0", "other"}}) {
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                       lx, ly - 9, colour, lx + 14, ly, text);
    lx += 90;
  }
  out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#1f4e79\" "
                     "stroke-width=\"1.5\"/><text x=\"{:.1f}\" y=\"{:.1f}\">mean Goldstein (right axis)</text>\n",
                     lx, ly - 4, lx + 16, ly - 4, lx + 20, ly);
  out += "</svg>\n";
  return out;
}

}  // namespace dipgraph
