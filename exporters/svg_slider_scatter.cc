// SliderScatterSvg (declared in exporters/slider_scatter.h): the story scatter as SVG.
#include <cstdio>

#include "exporters/report_words.h"
#include "exporters/slider_scatter.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr double kLeft = 90;
constexpr double kTop = 60;
constexpr double kSide = 420;  // the unit square, in pixels

std::string PoleText(const SliderAxis& axis, bool high, Language language) {
  const std::string& name = high ? axis.high : axis.low;
  return name.empty() ? std::string(Say(language, high ? Word::kHighOne : Word::kLowZero)) : name;
}

double Width(const SliderScatter& scatter) {
  return kLeft + kSide + (scatter.groups.empty() ? 40 : 220);
}

constexpr double kHeight = kTop + kSide + 100;

std::string Title(const SliderScatter& scatter, Language language) {
  return scatter.x.title + " x " + scatter.y.title +
         " (n = " + LocalCount(static_cast<int64_t>(scatter.points.size()), language) + ")";
}

void Draw(SvgDocument& svg, const SliderScatter& scatter, Language language) {
  const bool legend = !scatter.groups.empty();
  const std::string title = Title(scatter, language);
  svg.Text(kLeft + kSide / 2, 30, title, 16, "middle", true);
  svg.Rect(kLeft, kTop, kSide, kSide, "#FAFAFA", "#888888");
  const double cut_x = kLeft + scatter.x.cut * kSide;
  const double cut_y = kTop + (1 - scatter.y.cut) * kSide;
  svg.Line(cut_x, kTop, cut_x, kTop + kSide, "#888888", 1, true);
  svg.Line(kLeft, cut_y, kLeft + kSide, cut_y, "#888888", 1, true);
  // Quadrant counts outside the square, at its corners: inside they would
  // cover the points there.
  const int64_t n = static_cast<int64_t>(scatter.points.size());
  auto percent = [&](int64_t count) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", n == 0 ? 0.0 : 100.0 * count / n);
    return LocalNumber(buffer, language);
  };
  const struct {
    double x, y;
    const char* anchor;
  } corners[] = {{kLeft, kTop + kSide + 16, "start"},
                 {kLeft + kSide, kTop + kSide + 16, "end"},
                 {kLeft, kTop - 8, "start"},
                 {kLeft + kSide, kTop - 8, "end"}};
  for (int q = 0; q < 4; ++q) {
    svg.Text(corners[q].x, corners[q].y,
             "n = " + LocalCount(scatter.quadrants[q], language) + " (" +
                 percent(scatter.quadrants[q]) + ")",
             12, corners[q].anchor, true, 0, "#555555");
  }
  for (const auto& point : scatter.points) {
    const std::string fill = point.group < 0 ? "#0072B2" : SvgPaletteColour(point.group);
    svg.Circle(kLeft + point.x * kSide, kTop + (1 - point.y) * kSide, 5, fill, "#FFFFFF");
  }
  // Axes: pole labels at the ends, the title in the middle.
  const double below = kTop + kSide + 38;
  svg.Text(kLeft, below, PoleText(scatter.x, false, language), 12, "start");
  svg.Text(kLeft + kSide, below, PoleText(scatter.x, true, language), 12, "end");
  svg.Text(kLeft + kSide / 2, below + 24, scatter.x.title, 13, "middle", true);
  svg.Text(kLeft - 10, kTop + kSide, PoleText(scatter.y, false, language), 12, "start", false, -90);
  svg.Text(kLeft - 10, kTop, PoleText(scatter.y, true, language), 12, "end", false, -90);
  svg.Text(kLeft - 34, kTop + kSide / 2, scatter.y.title, 13, "middle", true, -90);
  if (legend) {
    const double x = kLeft + kSide + 24;
    svg.Text(x, kTop + 6, scatter.colour, 12, "start", true);
    for (size_t g = 0; g < scatter.groups.size(); ++g) {
      const double y = kTop + 28 + 22 * g;
      svg.Circle(x + 6, y - 4, 5, SvgPaletteColour(static_cast<int>(g)), "#FFFFFF");
      svg.Text(x + 18, y, scatter.groups[g], 12);
    }
  }
}

}  // namespace

std::string SliderScatterSvg(const SliderScatter& scatter, Language language) {
  SvgDocument svg(Width(scatter), kHeight, Title(scatter, language));
  Draw(svg, scatter, language);
  return svg.Finish();
}

void WriteSliderScatterSvg(const SliderScatter& scatter, Language language,
                           const std::function<void(std::string_view)>& write) {
  SvgDocument svg(Width(scatter), kHeight, Title(scatter, language), write);
  Draw(svg, scatter, language);
  svg.Finish();
}

}  // namespace verhaal
