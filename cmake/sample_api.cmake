# The sample API's clock and its generation, as build steps (cmake -P):
#
#   -DSTEP=clock    -DCLOCK=file                  writes this hour (UTC) to the file,
#                   only when it changed, so the sample is regenerated once an hour
#                   at most; SOURCE_DATE_EPOCH, when set, is the time instead
#   -DSTEP=generate -DCLOCK=file -DGEN=exe -DOUT=dir -DSEED=n
#                   runs gen_sample_api with that clock
#
# A build thus serves news dated "today" (tools/gen_sample_api.cpp), and is
# byte-for-byte reproducible for a given clock.
if(STEP STREQUAL "clock")
  string(TIMESTAMP now "%Y-%m-%dT%H:00:00Z" UTC)
  set(old "")
  if(EXISTS "${CLOCK}")
    file(READ "${CLOCK}" old)
  endif()
  if(NOT old STREQUAL now)
    file(WRITE "${CLOCK}" "${now}")
  endif()
elseif(STEP STREQUAL "generate")
  file(READ "${CLOCK}" now)
  execute_process(COMMAND "${GEN}" --out "${OUT}" --seed "${SEED}" --now "${now}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "gen_sample_api failed")
  endif()
else()
  message(FATAL_ERROR "sample_api.cmake: STEP must be clock or generate")
endif()
