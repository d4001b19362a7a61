# Checks that CTest runs what the test binaries hold, so no test can skip silently.
#
#   cmake -DMODE=cases -DCTEST=ctest -DBUILD_DIR=build -P check_registered.cmake \
#         PREFIX1 CATCH_BINARY1 [PREFIX2 CATCH_BINARY2 ...]
#     Every test case that a Catch2 binary lists (--list-test-names-only) must be
#     registered in CTest as exactly one test named PREFIX + its name, and every CTest
#     test whose name starts with PREFIX must be one of those cases. A `;` in a test
#     name breaks both: CTest's discovery splits the name into halves that match no
#     test case.
#
#   cmake -DMODE=today -DCTEST=ctest -DBUILD_DIR=build -DTODAY=YYYY-MM-DD -P check_registered.cmake
#     Every CTest test runs with RAPPORT_TODAY=TODAY in its ENVIRONMENT, so no test
#     depends on the machine's date.
#
# Fails with a line per problem, naming the test.
cmake_minimum_required(VERSION 3.20)

foreach(var MODE CTEST BUILD_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_registered.cmake: -D${var}=... is required")
  endif()
endforeach()

# Names may hold `;`, which CMake takes as a list separator: inside this script a
# `;` in a name is stood in for by the ASCII unit separator, and put back for printing.
string(ASCII 31 semicolon_stand_in)

# The lines of TEXT as a list, with `;` stood in for.
function(lines_of text out)
  string(REPLACE ";" "${semicolon_stand_in}" text "${text}")
  string(REPLACE "\r" "" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  list(REMOVE_ITEM text "")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

function(printable name out)
  string(REPLACE "${semicolon_stand_in}" ";" name "${name}")
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# What CTest has registered, as `ctest --show-only=json-v1` reports it.
execute_process(COMMAND ${CTEST} --test-dir ${BUILD_DIR} --show-only=json-v1
  OUTPUT_VARIABLE json RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "ctest --show-only=json-v1 failed (${result}): ${errors}")
endif()
string(JSON tests GET "${json}" tests)
string(JSON test_count LENGTH "${tests}")
set(registered)
set(problems 0)

if(test_count GREATER 0)
  math(EXPR last "${test_count} - 1")
  foreach(i RANGE ${last})
    string(JSON test GET "${tests}" ${i})
    string(JSON name GET "${test}" name)
    string(REPLACE ";" "${semicolon_stand_in}" name "${name}")
    list(APPEND registered "${name}")

    if(MODE STREQUAL "today")
      set(today_value "")
      string(JSON property_count ERROR_VARIABLE no_properties LENGTH "${test}" properties)
      if(NOT no_properties AND property_count GREATER 0)
        math(EXPR last_property "${property_count} - 1")
        foreach(p RANGE ${last_property})
          string(JSON property_name GET "${test}" properties ${p} name)
          if(property_name STREQUAL "ENVIRONMENT")
            string(JSON values GET "${test}" properties ${p} value)
            string(JSON value_count LENGTH "${values}")
            math(EXPR last_value "${value_count} - 1")
            foreach(v RANGE ${last_value})
              string(JSON value GET "${values}" ${v})
              if(value MATCHES "^RAPPORT_TODAY=(.*)$")
                set(today_value "${CMAKE_MATCH_1}")
              endif()
            endforeach()
          endif()
        endforeach()
      endif()
      if(NOT today_value STREQUAL TODAY)
        printable("${name}" shown)
        message("NOT PINNED: CTest test '${shown}' runs with RAPPORT_TODAY='${today_value}', "
                "not '${TODAY}' (add ENVIRONMENT \"\${RAPPORT_TEST_ENVIRONMENT}\" to it)")
        math(EXPR problems "${problems} + 1")
      endif()
    endif()
  endforeach()
endif()

if(MODE STREQUAL "today")
  if(problems GREATER 0)
    message(FATAL_ERROR "${problems} of ${test_count} CTest tests do not run with a fixed today")
  endif()
  message("all ${test_count} CTest tests run with RAPPORT_TODAY=${TODAY}")
  return()
endif()

if(NOT MODE STREQUAL "cases")
  message(FATAL_ERROR "check_registered.cmake: MODE must be 'cases' or 'today', not '${MODE}'")
endif()

# The arguments after -P SCRIPT: PREFIX BINARY pairs.
set(pairs)
set(first_pair_arg -1)
math(EXPR last_arg "${CMAKE_ARGC} - 1")
foreach(n RANGE ${last_arg})
  if(first_pair_arg GREATER 0 AND n GREATER_EQUAL first_pair_arg)
    list(APPEND pairs "${CMAKE_ARGV${n}}")
  elseif(CMAKE_ARGV${n} STREQUAL "-P")
    math(EXPR first_pair_arg "${n} + 2")
  endif()
endforeach()
list(LENGTH pairs pair_items)
math(EXPR odd "${pair_items} % 2")
if(pair_items EQUAL 0 OR odd)
  message(FATAL_ERROR "check_registered.cmake: give PREFIX BINARY pairs after the script")
endif()

set(cases_total 0)
math(EXPR last_pair "${pair_items} - 1")
foreach(k RANGE 0 ${last_pair} 2)
  math(EXPR b "${k} + 1")
  list(GET pairs ${k} prefix)
  list(GET pairs ${b} binary)
  execute_process(COMMAND ${binary} --list-test-names-only
    OUTPUT_VARIABLE listing RESULT_VARIABLE result ERROR_VARIABLE errors)
  # Catch2 2.x exits with the number of test cases listed: an error is negative or text.
  if(NOT result MATCHES "^[0-9]+$")
    message(FATAL_ERROR "${binary} --list-test-names-only failed (${result}): ${errors}")
  endif()
  lines_of("${listing}" cases)
  list(LENGTH cases case_count)
  math(EXPR cases_total "${cases_total} + ${case_count}")
  if(case_count EQUAL 0)
    message("NO CASES: ${binary} lists no test case")
    math(EXPR problems "${problems} + 1")
  endif()

  # Each case: exactly one CTest test, named PREFIX + case.
  set(expected)
  foreach(case IN LISTS cases)
    set(want "${prefix}${case}")
    list(APPEND expected "${want}")
    set(times 0)
    foreach(name IN LISTS registered)
      if(name STREQUAL want)
        math(EXPR times "${times} + 1")
      endif()
    endforeach()
    if(NOT times EQUAL 1)
      printable("${case}" shown)
      if(case MATCHES "${semicolon_stand_in}")
        set(why " (its name holds ';', which CTest's discovery splits: rename it)")
      else()
        set(why "")
      endif()
      message("NOT REGISTERED ONCE: test case '${shown}' of ${binary} is registered "
              "${times} times as '${prefix}${shown}'${why}")
      math(EXPR problems "${problems} + 1")
    endif()
  endforeach()

  # Each CTest test with this prefix: one of the cases.
  string(LENGTH "${prefix}" prefix_length)
  foreach(name IN LISTS registered)
    string(SUBSTRING "${name}" 0 ${prefix_length} head)
    if(head STREQUAL prefix AND NOT name IN_LIST expected)
      printable("${name}" shown)
      message("MATCHES NO CASE: CTest test '${shown}' runs no test case of ${binary}")
      math(EXPR problems "${problems} + 1")
    endif()
  endforeach()
endforeach()

if(problems GREATER 0)
  message(FATAL_ERROR "${problems} problems: CTest does not run exactly the test cases the binaries hold")
endif()
message("all ${cases_total} Catch2 test cases are registered as exactly one CTest test each")
