// A tiny SVG writer shared by the charts (svg_heatmap.cc, svg_scatter.cc):
// self-contained documents with a title, plain shapes and text, numbers
// written with fixed precision so the same data gives the same bytes.
#ifndef VERHAAL_EXPORTERS_SVG_H_
#define VERHAAL_EXPORTERS_SVG_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace verhaal {

// Escapes &, <, >, " and ' for SVG text and attributes.
std::string SvgEscape(std::string_view text);

// A colour between white (t = 0) and a deep blue (t = 1) as "#RRGGBB";
// t is clamped to [0, 1].
std::string SvgBlueScale(double t);

// The i-th colour of a fixed, colour-blind-safe palette (repeats after 8).
std::string SvgPaletteColour(int i);

// One SVG document being built. Coordinates are in pixels, origin top left.
class SvgDocument {
 public:
  // Starts a width x height document whose <title> is `title`.
  SvgDocument(double width, double height, std::string_view title);
  // The same document given to `write` as it is drawn, in parts of about
  // 64 KiB (for charts of very many shapes, never held whole): the start at
  // once, the rest as it comes and at Finish(), which then returns "".
  SvgDocument(double width, double height, std::string_view title,
              std::function<void(std::string_view)> write);

  void Rect(double x, double y, double width, double height, std::string_view fill,
            std::string_view stroke = "none");
  void Line(double x1, double y1, double x2, double y2, std::string_view stroke,
            double stroke_width = 1, bool dashed = false);
  void Circle(double cx, double cy, double r, std::string_view fill,
              std::string_view stroke = "none");
  // Text with anchor "start", "middle" or "end"; `rotate` turns it (degrees)
  // around its anchor point.
  void Text(double x, double y, std::string_view text, double size = 12,
            std::string_view anchor = "start", bool bold = false, double rotate = 0,
            std::string_view fill = "#222222");

  // The finished document (call once).
  std::string Finish();

 private:
  std::string Start() const;  // the declaration, <svg>, <title> and background
  void Spill();               // gives the body drawn so far to write_, when large

  std::function<void(std::string_view)> write_;
  std::string body_;
  double width_;
  double height_;
  std::string title_;
};

// About how wide `text` is drawn at font `size` in the sans-serif font the
// charts use (0.6 em per character, 0.66 bold; code points, not bytes): for
// laying out labels so that they neither overlap nor run off the chart.
double ApproxTextWidth(std::string_view text, double size, bool bold = false);

// Writes `svg` to `file`; kCannotCreate when it cannot be written.
void WriteSvgFile(const std::filesystem::path& file, const std::string& svg);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SVG_H_
