#include "pipeline/document.h"

namespace zfxxgk {

std::vector<std::vector<int>> Table::Grid() const {
  std::vector<std::vector<int>> grid(n_rows, std::vector<int>(n_cols, -1));
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    for (int r = c.row; r < c.row + c.row_span && r < n_rows; ++r) {
      for (int k = c.col; k < c.col + c.col_span && k < n_cols; ++k) {
        if (r >= 0 && k >= 0) grid[r][k] = static_cast<int>(i);
      }
    }
  }
  return grid;
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "info";
}

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kHtml: return "html";
    case InputFormat::kText: return "text";
    case InputFormat::kPdf: return "pdf";
    case InputFormat::kImage: return "image";
    case InputFormat::kUnknown: break;
  }
  return "unknown";
}

}  // namespace zfxxgk
