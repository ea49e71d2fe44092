// Tests for schemas/template.h: the template tables are consistent data.
#include "schemas/template.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "pipeline/normalize.h"

namespace zfxxgk {
namespace {

class TemplateTest : public ::testing::TestWithParam<const TemplateSpec*> {};

INSTANTIATE_TEST_SUITE_P(BothVersions, TemplateTest,
                         ::testing::Values(&Gov2019Template(), &Gov2021Template()),
                         [](const ::testing::TestParamInfo<const TemplateSpec*>& info) {
                           return info.param->name;
                         });

std::set<std::string> RowKeys(const TemplateSpec& t) {
  std::set<std::string> keys;
  for (const RowSpec& r : t.application_rows) keys.insert(r.key);
  return keys;
}

std::set<std::string> ColumnKeys(const TemplateSpec& t) {
  std::set<std::string> keys;
  for (const ColumnSpec& c : t.application_columns) keys.insert(c.key);
  return keys;
}

// Every string the mapper matches against normalised text.
std::vector<std::string> MatchStrings(const TemplateSpec& t) {
  std::vector<std::string> out = t.markers;
  for (const SubTableSpec& sub : t.active_disclosure) {
    out.insert(out.end(), sub.captions.begin(), sub.captions.end());
    for (const RowSpec& r : sub.rows) out.insert(out.end(), r.aliases.begin(), r.aliases.end());
  }
  for (const RowSpec& r : t.application_rows) {
    out.insert(out.end(), r.aliases.begin(), r.aliases.end());
  }
  for (const auto* v : {&t.application_anchors, &t.review_header_words, &t.review_anchors}) {
    out.insert(out.end(), v->begin(), v->end());
  }
  return out;
}

TEST(TemplateNamesTest, VersionsAreNamed) {
  EXPECT_EQ(Gov2019Template().name, "gov_2019");
  EXPECT_EQ(Gov2021Template().name, "gov_2021");
  EXPECT_EQ(&Gov2019Template(), &Gov2019Template());  // one static instance
}

TEST_P(TemplateTest, TableThreeHasSevenColumns) {
  const TemplateSpec& t = *GetParam();
  ASSERT_EQ(t.application_columns.size(), 7u);
  EXPECT_EQ(t.application_columns.front().key, "natural_person");
  EXPECT_EQ(t.application_columns.back().key, "total");
  EXPECT_EQ(ColumnKeys(t).size(), 7u);
  for (const ColumnSpec& c : t.application_columns) EXPECT_FALSE(c.decimal) << c.key;
}

TEST_P(TemplateTest, TableFourHasThreeGroupsOfFive) {
  const TemplateSpec& t = *GetParam();
  EXPECT_EQ(t.review_groups, (std::vector<std::string>{
                                 "administrative_review", "litigation_direct",
                                 "litigation_after_review"}));
  EXPECT_EQ(t.review_fields,
            (std::vector<std::string>{"upheld", "corrected", "other", "pending", "total"}));
  EXPECT_EQ(t.review_groups.size() * t.review_fields.size(), 15u);
  EXPECT_FALSE(t.review_anchors.empty());
  EXPECT_FALSE(t.review_header_words.empty());
}

TEST_P(TemplateTest, TableThreeRowKeysAreUnique) {
  const TemplateSpec& t = *GetParam();
  EXPECT_EQ(RowKeys(t).size(), t.application_rows.size());
  EXPECT_EQ(t.application_rows.front().key, "new_received");
  EXPECT_EQ(t.application_rows[1].key, "carried_over");
  ASSERT_GE(t.application_rows.size(), 2u);
  EXPECT_EQ(t.application_rows[t.application_rows.size() - 2].key, "results.total");
  EXPECT_EQ(t.application_rows.back().key, "carried_forward");
}

// The identity checker places a table 三/四 path by its last '.': the
// column (field) keys have no dot, and groups, columns and fields are unique.
TEST_P(TemplateTest, TableThreeAndFourKeysNameOneCellEach) {
  const TemplateSpec& t = *GetParam();
  std::set<std::string> cols, groups, fields;
  for (const ColumnSpec& c : t.application_columns) {
    EXPECT_TRUE(cols.insert(c.key).second) << c.key;
    EXPECT_EQ(c.key.find('.'), std::string::npos) << c.key;
  }
  for (const std::string& g : t.review_groups) EXPECT_TRUE(groups.insert(g).second) << g;
  for (const std::string& f : t.review_fields) {
    EXPECT_TRUE(fields.insert(f).second) << f;
    EXPECT_EQ(f.find('.'), std::string::npos) << f;
  }
}

TEST_P(TemplateTest, TableTwoKeysAreUnique) {
  const TemplateSpec& t = *GetParam();
  std::set<std::string> subs;
  for (const SubTableSpec& sub : t.active_disclosure) {
    EXPECT_TRUE(subs.insert(sub.key).second) << sub.key;
    EXPECT_FALSE(sub.captions.empty()) << sub.key;
    EXPECT_FALSE(sub.columns.empty()) << sub.key;
    EXPECT_FALSE(sub.rows.empty()) << sub.key;
    std::set<std::string> rows, cols;
    for (const RowSpec& r : sub.rows) {
      EXPECT_TRUE(rows.insert(r.key).second) << sub.key << "." << r.key;
      EXPECT_FALSE(r.aliases.empty()) << sub.key << "." << r.key;
    }
    for (const ColumnSpec& c : sub.columns) {
      EXPECT_TRUE(cols.insert(c.key).second) << sub.key << "." << c.key;
    }
  }
}

TEST_P(TemplateTest, EveryRowHasAnAlias) {
  for (const RowSpec& r : GetParam()->application_rows) EXPECT_FALSE(r.aliases.empty()) << r.key;
}

TEST_P(TemplateTest, AliasesAreInNormalizeForMatchForm) {
  for (const std::string& s : MatchStrings(*GetParam())) {
    EXPECT_FALSE(s.empty());
    EXPECT_EQ(NormalizeForMatch(s), s) << "not normalised: " << s;
  }
}

// A row alias inside another row's alias would make label search find the
// wrong row.
TEST_P(TemplateTest, NoRowAliasContainsAnotherRowsAlias) {
  const std::vector<RowSpec>& rows = GetParam()->application_rows;
  for (const RowSpec& a : rows) {
    for (const RowSpec& b : rows) {
      if (&a == &b) continue;
      for (const std::string& x : a.aliases) {
        for (const std::string& y : b.aliases) {
          EXPECT_EQ(y.find(x), std::string::npos)
              << a.key << " alias " << x << " is inside " << b.key << " alias " << y;
        }
      }
    }
  }
}

TEST_P(TemplateTest, IdentitiesReferenceExistingKeys) {
  const TemplateSpec& t = *GetParam();
  const std::set<std::string> rows = RowKeys(t), cols = ColumnKeys(t);
  const std::set<std::string> fields(t.review_fields.begin(), t.review_fields.end());
  ASSERT_FALSE(t.identities.empty());
  std::set<std::string> ids;
  for (const IdentitySpec& id : t.identities) {
    EXPECT_TRUE(ids.insert(id.id).second) << id.id;
    EXPECT_FALSE(id.lhs.empty()) << id.id;
    EXPECT_FALSE(id.rhs.empty()) << id.id;
    std::vector<std::string> keys = id.lhs;
    keys.insert(keys.end(), id.rhs.begin(), id.rhs.end());
    for (const std::string& k : keys) {
      switch (id.axis) {
        case IdentitySpec::Axis::kEachColumn:
          EXPECT_TRUE(rows.count(k) || k == "@result_leaves") << id.id << ": row " << k;
          break;
        case IdentitySpec::Axis::kEachRow:
          EXPECT_TRUE(cols.count(k)) << id.id << ": column " << k;
          break;
        case IdentitySpec::Axis::kEachGroup:
          EXPECT_TRUE(fields.count(k)) << id.id << ": field " << k;
          break;
      }
    }
  }
}

TEST_P(TemplateTest, ResultLeavesAreResultRows) {
  int leaves = 0;
  for (const RowSpec& r : GetParam()->application_rows) {
    if (!r.result_leaf) continue;
    ++leaves;
    EXPECT_EQ(r.key.rfind("results.", 0), 0u) << r.key;
    EXPECT_NE(r.key, "results.total");
  }
  EXPECT_GE(leaves, 19);
}

TEST(TemplateTest2021, HasSingleOtherHandlingAlternativeRow) {
  const std::vector<RowSpec>& rows = Gov2021Template().application_rows;
  auto alt = std::find_if(rows.begin(), rows.end(),
                          [](const RowSpec& r) { return !r.alternative_of.empty(); });
  ASSERT_NE(alt, rows.end());
  EXPECT_EQ(alt->key, "results.other_handling.total");
  EXPECT_EQ(alt->alternative_of, "results.other_handling");
  EXPECT_NE(std::find(alt->aliases.begin(), alt->aliases.end(), "(六)其他处理"),
            alt->aliases.end());
  // The rows it replaces follow it.
  std::vector<std::string> after;
  for (auto it = alt + 1; it != rows.end(); ++it) {
    if (it->key.rfind("results.other_handling.", 0) == 0) after.push_back(it->key);
  }
  EXPECT_EQ(after, (std::vector<std::string>{"results.other_handling.no_correction",
                                             "results.other_handling.fee_unpaid",
                                             "results.other_handling.other"}));
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(),
                          [](const RowSpec& r) { return !r.alternative_of.empty(); }),
            1);
}

TEST(TemplateTest2019, OtherHandlingIsOneRowWithoutAlternative) {
  const std::vector<RowSpec>& rows = Gov2019Template().application_rows;
  for (const RowSpec& r : rows) EXPECT_TRUE(r.alternative_of.empty()) << r.key;
  auto it = std::find_if(rows.begin(), rows.end(), [](const RowSpec& r) {
    return r.key.rfind("results.other_handling", 0) == 0;
  });
  ASSERT_NE(it, rows.end());
  EXPECT_EQ(it->key, "results.other_handling.total");
  EXPECT_TRUE(it->result_leaf);
}

TEST(TemplateTableTwoTest, SubTablesPerVersion) {
  auto keys = [](const TemplateSpec& t) {
    std::vector<std::string> k;
    for (const SubTableSpec& s : t.active_disclosure) k.push_back(s.key);
    return k;
  };
  EXPECT_EQ(keys(Gov2019Template()), (std::vector<std::string>{"art20_item1", "art20_item5",
                                                               "art20_item6", "art20_item8",
                                                               "art20_item9"}));
  EXPECT_EQ(keys(Gov2021Template()), (std::vector<std::string>{"art20_item1", "art20_item5",
                                                               "art20_item6", "art20_item8"}));
}

TEST(TemplateTableTwoTest, AmountColumnsAreDecimal) {
  const SubTableSpec& fee = Gov2021Template().active_disclosure[3];
  ASSERT_EQ(fee.columns.size(), 1u);
  EXPECT_EQ(fee.columns[0].key, "fee_amount_wan_yuan");
  EXPECT_TRUE(fee.columns[0].decimal);
  const SubTableSpec& procurement = Gov2019Template().active_disclosure[4];
  ASSERT_EQ(procurement.columns.size(), 2u);
  EXPECT_FALSE(procurement.columns[0].decimal);
  EXPECT_TRUE(procurement.columns[1].decimal);
  const SubTableSpec& item1 = Gov2021Template().active_disclosure[0];
  for (const ColumnSpec& c : item1.columns) EXPECT_FALSE(c.decimal) << c.key;
}

TEST(TemplateMarkersTest, MarkersTellTheVersionsApart) {
  for (const std::string& m : Gov2019Template().markers) {
    for (const std::string& n : Gov2021Template().markers) {
      EXPECT_EQ(m.find(n), std::string::npos) << m << " / " << n;
      EXPECT_EQ(n.find(m), std::string::npos) << m << " / " << n;
    }
  }
}

TEST_P(TemplateTest, PrintedLabelsAreInNormalizeForMatchForm) {
  for (const std::string& s : GetParam()->printed_labels) {
    EXPECT_EQ(NormalizeForMatch(s), s) << "not normalised: " << s;
  }
}

TEST(TemplateLabelsTest, EachRowsAliasesAreOneLabel) {
  const std::vector<std::vector<std::string>> labels = TemplateLabels();
  for (const TemplateSpec* t : {&Gov2019Template(), &Gov2021Template()}) {
    for (const RowSpec& r : t->application_rows) {
      EXPECT_NE(std::find(labels.begin(), labels.end(), r.aliases), labels.end()) << r.key;
    }
  }
}

TEST(TemplateLabelsTest, PrintedLabelsAndColumnLabelsAreLabels) {
  const std::vector<std::vector<std::string>> labels = TemplateLabels();
  auto has = [&labels](const std::string& s) {
    return std::find(labels.begin(), labels.end(), std::vector<std::string>{s}) != labels.end();
  };
  EXPECT_TRUE(has("部分公开(区分处理的,只计这一情形,不计其他情形)"));
  EXPECT_TRUE(has("本年收费金额(单位:万元)"));
  EXPECT_TRUE(has("社会公益组织"));
}

}  // namespace
}  // namespace zfxxgk
