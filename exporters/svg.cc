#include "exporters/svg.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <utility>

#include "base/error.h"
#include "corpus/files.h"
#include "corpus/output_guard.h"

namespace verhaal {
namespace {

std::string Num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace

std::string SvgEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string SvgBlueScale(double t) {
  t = std::clamp(t, 0.0, 1.0);
  // white (255, 255, 255) to #08519C (8, 81, 156)
  const int r = static_cast<int>(255 + (8 - 255) * t + 0.5);
  const int g = static_cast<int>(255 + (81 - 255) * t + 0.5);
  const int b = static_cast<int>(255 + (156 - 255) * t + 0.5);
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", r, g, b);
  return buffer;
}

std::string SvgPaletteColour(int i) {
  // Okabe & Ito (2008).
  static const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                   "#56B4E9", "#D55E00", "#F0E442", "#000000"};
  return kPalette[((i % 8) + 8) % 8];
}

SvgDocument::SvgDocument(double width, double height, std::string_view title)
    : width_(width), height_(height), title_(title) {}

SvgDocument::SvgDocument(double width, double height, std::string_view title,
                         std::function<void(std::string_view)> write)
    : write_(std::move(write)), width_(width), height_(height), title_(title) {
  write_(Start());
}

void SvgDocument::Spill() {
  constexpr size_t kPart = 64 * 1024;
  if (write_ && body_.size() >= kPart) {
    write_(body_);
    body_.clear();
  }
}

void SvgDocument::Rect(double x, double y, double width, double height, std::string_view fill,
                       std::string_view stroke) {
  body_ += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" + Num(width) +
           "\" height=\"" + Num(height) + "\" fill=\"" + std::string(fill) + "\" stroke=\"" +
           std::string(stroke) + "\"/>\n";
}

void SvgDocument::Line(double x1, double y1, double x2, double y2, std::string_view stroke,
                       double stroke_width, bool dashed) {
  body_ += "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" +
           Num(y2) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" +
           Num(stroke_width) + "\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
}

void SvgDocument::Circle(double cx, double cy, double r, std::string_view fill,
                         std::string_view stroke) {
  body_ += "<circle cx=\"" + Num(cx) + "\" cy=\"" + Num(cy) + "\" r=\"" + Num(r) + "\" fill=\"" +
           std::string(fill) + "\" stroke=\"" + std::string(stroke) + "\" fill-opacity=\"0.8\"/>\n";
  Spill();
}

void SvgDocument::Text(double x, double y, std::string_view text, double size,
                       std::string_view anchor, bool bold, double rotate, std::string_view fill) {
  body_ += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" font-size=\"" + Num(size) +
           "\" text-anchor=\"" + std::string(anchor) + "\" fill=\"" + std::string(fill) + "\"" +
           (bold ? " font-weight=\"bold\"" : "") +
           (rotate != 0 ? " transform=\"rotate(" + Num(rotate) + " " + Num(x) + " " + Num(y) + ")\""
                        : "") +
           ">" + SvgEscape(text) + "</text>\n";
}

std::string SvgDocument::Finish() {
  if (write_) {
    write_(body_ + "</svg>\n");
    body_.clear();
    return "";
  }
  return Start() + body_ + "</svg>\n";
}

std::string SvgDocument::Start() const {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
         Num(width_) + "\" height=\"" + Num(height_) + "\" viewBox=\"0 0 " + Num(width_) + " " +
         Num(height_) + "\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n<title>" +
         SvgEscape(title_) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
}

void WriteSvgFile(const std::filesystem::path& file, const std::string& svg) {
  // Through a temporary file: a full disk leaves the old file, not half an SVG.
  WriteWholeFile(file, svg);
}

double ApproxTextWidth(std::string_view text, double size, bool bold) {
  size_t code_points = 0;
  for (unsigned char c : text) code_points += (c & 0xC0) != 0x80;
  return static_cast<double>(code_points) * size * (bold ? 0.66 : 0.6);
}

}  // namespace verhaal
